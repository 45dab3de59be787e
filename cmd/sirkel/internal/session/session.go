// Package session is one sitting of «sirkel assess»: it opens or creates an
// answers file, asks the questions area by area — in a full-screen form
// (huh) or as plain line prompts for screen readers and piped input — and
// saves the file atomically after every answer, so that no answer a user
// gave is ever lost, whatever stops the sitting.
package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/lock"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/register"
	"github.com/sirkel/sirkel/assessment/schema"
	"github.com/sirkel/sirkel/report/scores"
)

// Options are the flags of «sirkel assess».
type Options struct {
	File          string   // the answers file; default svar-<kommunenummer>.yaml
	Questionnaire string   // -q: an embedded id or a file
	Areas         []string // --area: only these areas
	Municipality  string   // --municipality: number or name, instead of asking
	Respondent    string
	Role          string
	Accessible    bool // plain line prompts (screen readers, piped input)
	Force         bool // start over, overwriting File
	Review        bool // ask answered questions too
	Schema        bool // write the answers JSON Schema beside the file
	// LockWait is how long a save waits for another sitting's lock before
	// it says so (and waits on); lock.DefaultWait when 0.
	LockWait time.Duration
}

// sitting is one sitting: the questionnaire, the answers so far and
// where they are saved.
type sitting struct {
	ctx   context.Context
	s     *cli.Streams
	opts  *Options
	qs    *batch.Source
	p     *prompter
	q     *assessment.Questionnaire
	path  string
	saved bool // the file has been written in this session
	found bool // the file existed and is being continued
	force bool // --force: the first save replaces the file
	style lipgloss.Style
	today assessment.Date
	// modeline points editors to a JSON Schema; kept from a continued
	// file, or made by --schema.
	modeline string

	// a is the answers as this sitting sees them: seen with pend applied.
	a *assessment.Answers
	// seen is the file as last read or written (nil: not yet), fresh the
	// head of a new file; pend what this sitting changed since (sync.go).
	seen, fresh *assessment.Answers
	pend        pending
	// notes are the replaced answers of other sittings, by question id,
	// kept in the comment.
	notes          map[string]string
	respondentName string
	lockWait       time.Duration
}

// Run is one sitting of «sirkel assess»: it opens or creates the answers
// file, asks the questions and saves after every answer.
func Run(ctx context.Context, s *cli.Streams, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Questionnaire == cli.StdinName {
		return cli.Usage("-q - kan ikke brukes med assess, som leser svarene fra standard inn; oppgi skjemaet som fil")
	}
	ss := &sitting{ctx: ctx, s: s, opts: opts, qs: batch.NewSource(opts.Questionnaire, s.In), path: opts.File, lockWait: opts.LockWait}
	if ss.lockWait <= 0 {
		ss.lockWait = lock.DefaultWait
	}
	now, err := cli.Now(s)
	if err != nil {
		return err
	}
	ss.today = assessment.NewDate(now)
	if _, err := ss.qs.Fixed(); err != nil {
		return batch.QuestionnaireError(s, opts.Questionnaire, err)
	}
	var muni *assessment.Municipality
	if opts.Municipality != "" {
		m, err := resolveMunicipality(opts.Municipality)
		if err != nil {
			return cli.Usage("--municipality: %s", err)
		}
		muni = &m
		if ss.path == "" {
			ss.path = defaultAnswersFile(m.Number)
		}
	}
	if ss.path != "" {
		if err := ss.open(); err != nil {
			return err
		}
	}
	if ss.q == nil {
		if err := ss.useQuestionnaire(assessment.QuestionnaireRef{}); err != nil {
			return err
		}
	}
	if err := ss.checkAreas(); err != nil {
		return err
	}
	if ss.a != nil && muni != nil && ss.a.Municipality.Number != muni.Number {
		return cli.Usage("%s gjelder %s (%s), ikke %s (%s); velg en annen fil eller fjern --municipality",
			ss.path, ss.a.Municipality.Name, ss.a.Municipality.Number, muni.Name, muni.Number)
	}

	accessible := opts.Accessible || envTrue(s.Getenv("ACCESSIBLE")) || !s.InTTY || !s.ErrTTY
	ss.p = newPrompter(ctx, s, accessible)
	ss.style = lipgloss.NewStyle()
	if !accessible {
		re := lipgloss.NewRenderer(s.Err)
		if s.Getenv("NO_COLOR") != "" || !s.ErrTTY {
			re.SetColorProfile(termenv.Ascii)
		}
		ss.style = re.NewStyle().Bold(true)
	}
	ss.intro()

	if ss.a == nil && muni == nil {
		m, err := ss.askMunicipality()
		if err != nil {
			return ss.stopped(err)
		}
		muni = &m
		if ss.path == "" {
			ss.path = defaultAnswersFile(m.Number)
			if err := ss.open(); err != nil {
				return err
			}
			if err := ss.checkAreas(); err != nil {
				return err
			}
		}
	}
	if ss.a == nil {
		ss.fresh = &assessment.Answers{Kind: assessment.KindAnswers, Municipality: *muni}
		ss.a = cloneAnswers(ss.fresh)
		fmt.Fprintf(s.Err, "%s (%s). Svarene lagres i %s.\n", muni.Name, muni.Number, ss.path)
	} else {
		n, total := ss.answeredCount(nil)
		fmt.Fprintf(s.Err, "Fortsetter %s for %s: %d av %d spørsmål er besvart.\n", ss.path, ss.a.Municipality.Name, n, total)
	}

	areas, err := ss.askStart()
	if err != nil {
		return ss.stopped(err)
	}
	if opts.Schema {
		name := schema.FileName(ss.q.Ref())
		path := filepath.Join(filepath.Dir(ss.path), name)
		if err := cli.WriteAtomic(path, func(w io.Writer) error { return schema.Write(w, schema.ForAnswers(lang.For(lang.NB), ss.q)) }); err != nil {
			return cli.Failure("kunne ikke skrive %s: %s", path, err)
		}
		ss.modeline = schema.Modeline(name)
	}
	if err := ss.save(); err != nil {
		return ss.stopped(err)
	}

	items := planQuestions(ss.q, ss.a, areas, opts.Review)
	if len(items) == 0 {
		fmt.Fprintln(s.Err, "Alle spørsmålene i de valgte områdene er besvart; --review går gjennom dem igjen.")
	}
	for _, it := range items {
		ss.refresh()
		if !opts.Review && isAnswered(ss.q, ss.a, it.Question) {
			ans, _ := ss.a.Answers.Get(it.Question.ID)
			fmt.Fprintf(s.Err, "%s er besvart i en annen økt (%s); hopper over.\n", it.Question.ID, describeAnswer(ss.q, it.Question, ans))
			continue
		}
		if err := ss.ask(it); err != nil {
			return ss.stopped(err)
		}
	}
	if err := ss.askPlanRevisions(); err != nil {
		return ss.stopped(err)
	}
	return ss.finish(areas)
}

// open continues the answers file at ss.path if it exists, choosing the
// questionnaire it names unless -q is given. A file that is not an answers
// file for that questionnaire is refused, never overwritten.
func (ss *sitting) open() error {
	info, err := os.Stat(ss.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err == nil && info.IsDir() {
		return cli.Usage("%s er en mappe; oppgi et filnavn for svarene, for eksempel %s", ss.path, defaultAnswersFile("3440"))
	}
	if err == nil && ss.opts.Force {
		fmt.Fprintf(ss.s.Err, "%s finnes; --force: begynner på nytt og overskriver den.\n", ss.path)
		ss.force = true
		return nil
	}
	// --force would destroy what a file holds: it is offered only for a
	// file that holds no answers at all.
	refuse := func(why, what string) error {
		return cli.Failure("%s %s; filen blir ikke endret. %s", ss.path, why, what)
	}
	mend := "Rett feilen over og prøv igjen, eller velg et annet filnavn"
	data, err := strictyaml.ReadFile(ss.path)
	if err != nil {
		cli.PrintDiagnostics(ss.s.Err, cli.AsDiagnostics(ss.path, err))
		return refuse("kan ikke leses", mend)
	}
	if line, _, _ := strings.Cut(string(data), "\n"); strings.HasPrefix(line, "# yaml-language-server:") {
		ss.modeline = line + "\n"
	}
	a, ds := assessment.ParseAnswers(ss.path, data)
	if !ds.HasErrors() && (bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})) {
		fmt.Fprintf(ss.s.Err, "%s er lagret som UTF-16; den lagres heretter som UTF-8, som alle editorer leser.\n", ss.path)
	}
	if ds.HasErrors() {
		cli.PrintDiagnostics(ss.s.Err, ds)
		switch {
		case a == nil && !bytes.Contains(data, []byte("answers:")) && !bytes.Contains(data, []byte("kind:")):
			return refuse("er ikke en svarfil (kind: answers)", "Velg et annet filnavn, eller bruk --force for å begynne på nytt og overskrive den")
		case a == nil:
			return refuse("kan ikke leses som svarfil", mend+" (se også «sirkel validate "+ss.path+"»)")
		}
		return refuse("har feil som må rettes først (se over, eller kjør «sirkel validate "+ss.path+"»)", "Rett feilene, så fortsetter du der du slapp")
	}
	if err := ss.useQuestionnaire(a.Questionnaire); err != nil {
		return err
	}
	if a.Questionnaire.ID != ss.q.ID {
		return refuse(fmt.Sprintf("er svar til spørreskjemaet «%s», ikke «%s»", a.Questionnaire.ID, ss.q.ID),
			"Velg et annet filnavn for svar til «"+ss.q.ID+"»")
	}
	var fatal assessment.Diagnostics
	_, ds = a.Check(ss.q, assessment.CheckOptions{IgnoreUnknown: true})
	for _, d := range ds {
		switch {
		case d.Severity == assessment.SevWarning:
			fmt.Fprintln(ss.s.Err, d.String())
		case strings.HasPrefix(d.Path, "answers."):
			// The raw answer is kept in the file and the question asked again.
			d.Severity = assessment.SevWarning
			fmt.Fprintln(ss.s.Err, d.String()+" (spørsmålet stilles på nytt)")
		default:
			fatal = append(fatal, d)
		}
	}
	if len(fatal) > 0 {
		cli.PrintDiagnostics(ss.s.Err, fatal)
		return refuse("har feil som må rettes først (se over)", "Rett feilene, så fortsetter du der du slapp")
	}
	if a.Questionnaire.Version != ss.q.Version {
		fmt.Fprintf(ss.s.Err, "%s lagres heretter som svar til versjon «%s».\n", ss.path, ss.q.Version)
	}
	ss.a, ss.seen, ss.found = cloneAnswers(a), a, true
	ss.fresh = &assessment.Answers{Kind: assessment.KindAnswers, Municipality: a.Municipality}
	return nil
}

// useQuestionnaire sets the questionnaire: -q, else the one ref names,
// else the default.
func (ss *sitting) useQuestionnaire(ref assessment.QuestionnaireRef) error {
	q, err := ss.qs.For(ref)
	if err != nil {
		if ee, ok := err.(*cli.Error); ok {
			return ee
		}
		return cli.Failure("%s: %s", ss.path, err)
	}
	ss.q = q
	return nil
}

func (ss *sitting) checkAreas() error {
	var ids []string
	for _, a := range ss.q.Areas {
		ids = append(ids, a.ID)
	}
	for _, id := range ss.opts.Areas {
		if !slices.Contains(ids, id) {
			return cli.Usage("ukjent tiltaksområde «%s» i %s; gyldige: %s", id, ss.q.ID, strings.Join(ids, ", "))
		}
	}
	return nil
}

func (ss *sitting) intro() {
	w := ss.s.Err
	n := ss.q.QuestionCount()
	fmt.Fprintln(w, ss.style.Render(ss.q.Title.String()))
	fmt.Fprintln(w)
	text := fmt.Sprintf("Du vurderer hvor langt kommunen har kommet med sirkulær økonomi: %d spørsmål i %d tiltaksområder. Hele skjemaet tar %s; du kan også svare på ett område om gangen. Hvert svar lagres i svarfilen med en gang, og flere kan svare i samme fil samtidig, for eksempel på hvert sitt område. Trykk Ctrl-C når du vil ta pause, og fortsett senere der du slapp med «sirkel assess FIL».",
		n, len(ss.q.Areas), durationText(n))
	if ss.p.accessible {
		text += " Spørsmålene kommer ett om gangen som nummererte lister: skriv nummeret og trykk Enter. Slutt på inndata (Ctrl-D) stopper også og lagrer."
	}
	for _, l := range wrapText(text, 78) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "De fleste spørsmålene besvares på denne skalaen:")
	if ss.p.accessible {
		for _, l := range wrapText("Hjelpetekstene viser skalaverdien i parentes. I listene skriver du nummeret foran svaret, som er det første tallet nedenfor.", 78) {
			fmt.Fprintln(w, l)
		}
	}
	lines := make([]string, 0, len(ss.q.Scale)+1)
	for _, p := range ss.q.Scale {
		lines = append(lines, joinNonEmpty(": ", fmt.Sprintf("%s (%s)", p.Label, formatNumber(*p.Value)), strings.TrimSpace(p.Description.String())))
	}
	// Listed where the lists have it: right after the scale.
	lines = append(lines, assessment.DontKnowLabel+": når ingen vet det; teller ikke i skåren, men vises i rapporten")
	for i, line := range lines {
		if ss.p.accessible {
			line = fmt.Sprintf("%d. %s", i+1, line)
		}
		for i, l := range wrapText(line, 74) {
			if i == 0 {
				fmt.Fprintln(w, "  – "+l)
			} else {
				fmt.Fprintln(w, "    "+l)
			}
		}
	}
	fmt.Fprintln(w)
}

// durationText estimates how long n questions take, at about 40 seconds each.
func durationText(n int) string {
	m := (n*40 + 59) / 60
	switch {
	case m < 50:
		return fmt.Sprintf("omtrent %d minutter", max(5, (m+4)/5*5))
	case m <= 75:
		return "omtrent en time"
	}
	return fmt.Sprintf("omtrent %s timer", strings.Replace(strconv.FormatFloat(float64((m+15)/30)/2, 'f', -1, 64), ".", ",", 1))
}

func (ss *sitting) askMunicipality() (assessment.Municipality, error) {
	var value string
	if ss.p.accessible {
		field := huh.NewInput().Title("Kommune (nummer eller navn):").Value(&value).Validate(func(v string) error {
			if ss.p.in.EOF() {
				return nil
			}
			_, err := resolveMunicipality(v)
			return err
		})
		if err := ss.p.run(huh.NewGroup(field)); err != nil {
			return assessment.Municipality{}, err
		}
		return resolveMunicipality(value)
	}
	// A search line and a list ranked by register.Search, the best
	// matches first (huh's own filter keeps the list alphabetical).
	var query string
	search := huh.NewInput().Title("Hvilken kommune gjelder vurderingen? Søk på navn eller nummer").
		Description("For eksempel «øy» eller «3440»: de beste treffene står øverst i listen under.").
		Placeholder("navn eller kommunenummer").Value(&query)
	list := huh.NewSelect[string]().Title("Treff (velg med ↑/↓ og Enter)").
		OptionsFunc(func() []huh.Option[string] { return municipalityOptions(query) }, &query).
		Height(10).Value(&value).
		Validate(func(v string) error {
			if v == "" {
				return errors.New("ingen kommune passer søket; gå tilbake med shift+tab og skriv noe annet")
			}
			return nil
		})
	keys := assessKeyMap()
	keys.Input.Next.SetHelp("enter", "til listen")
	keys.Select.Prev.SetHelp("shift+tab", "endre søket")
	// huh turns its own filter key on again whenever the options change;
	// a binding without keys stays off.
	keys.Select.Filter, keys.Select.SetFilter, keys.Select.ClearFilter = key.Binding{}, key.Binding{}, key.Binding{}
	if err := ss.p.runWithKeys(keys, huh.NewGroup(search, list)); err != nil {
		return assessment.Municipality{}, err
	}
	return resolveMunicipality(value)
}

// municipalityOptions are the kommuner and fylkeskommuner that match a
// search, best first as register.Search ranks them, keyed with name,
// number and county.
func municipalityOptions(query string) []huh.Option[string] {
	var opts []huh.Option[string]
	for _, m := range register.Search(query) {
		key := fmt.Sprintf("%s – %s, %s", m.Name, m.Number, m.CountyName)
		if m.IsCounty() {
			key = fmt.Sprintf("%s fylkeskommune – %s", m.Name, m.Number)
		}
		opts = append(opts, huh.NewOption(key, m.Number))
	}
	if len(opts) == 0 {
		opts = append(opts, huh.NewOption(fmt.Sprintf("Ingen treff på «%s»: gå tilbake med shift+tab og endre søket", strings.TrimSpace(query)), ""))
	}
	return opts
}

var reNumber = regexp.MustCompile(`^[0-9]{2}$|^[0-9]{4}$`)

// resolveMunicipality finds a kommune or fylkeskommune by its number, or by
// its name or a part of it when one match is better than the others; else
// it is an error that lists the best matches.
func resolveMunicipality(s string) (assessment.Municipality, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return assessment.Municipality{}, errors.New("skriv kommunenummeret eller navnet på kommunen")
	}
	if reNumber.MatchString(s) {
		if m, ok := register.Lookup(s); ok {
			return assessment.Municipality{Name: m.Name, Number: s}, nil
		}
		return assessment.Municipality{}, fmt.Errorf("%s er ikke et kommunenummer i inndelingen fra 2024 (Øyer er for eksempel 3440)", s)
	}
	found := register.Search(s)
	switch {
	case len(found) == 0:
		return assessment.Municipality{}, fmt.Errorf("fant ingen kommune som heter «%s»; skriv navnet eller det firesifrede kommunenummeret", s)
	case len(found) == 1 || register.Rank(found[0], s) < register.Rank(found[1], s):
		return assessment.Municipality{Name: found[0].Name, Number: found[0].Number}, nil
	}
	var names []string
	for i, m := range found {
		if i == 8 {
			names = append(names, "…")
			break
		}
		names = append(names, fmt.Sprintf("%s (%s, %s)", m.Name, m.Number, m.CountyName))
	}
	return assessment.Municipality{}, fmt.Errorf("«%s» passer med flere kommuner: %s; skriv mer av navnet eller kommunenummeret", s, strings.Join(names, ", "))
}

func defaultAnswersFile(number string) string { return "svar-" + number + ".yaml" }

// askStart asks who answers and which areas, unless flags said so.
func (ss *sitting) askStart() ([]string, error) {
	name, role := ss.opts.Respondent, ss.opts.Role
	var groups []*huh.Group
	var fields []huh.Field
	acc := ss.p.accessible
	if ss.opts.Respondent == "" {
		in := huh.NewInput().Title(promptTitle("Navnet ditt (valgfritt)", acc)).Value(&name)
		if len(ss.a.Respondents) > 0 {
			var who []string
			for _, r := range ss.a.Respondents {
				who = append(who, joinNonEmpty(", ", r.Name, r.Role))
			}
			desc := "Registrert fra før: " + strings.Join(who, "; ") + ". La navnet stå tomt hvis du er en av dem."
			if acc {
				fields = append(fields, huh.NewNote().Description(desc))
			} else {
				in.Description(desc)
			}
		}
		fields = append(fields, in)
	}
	if ss.opts.Role == "" {
		fields = append(fields, huh.NewInput().Title(promptTitle("Rollen din (valgfritt)", acc)).
			Description("For eksempel klimarådgiver, byggesaksbehandler eller økonomisjef.").Value(&role))
	}
	if len(fields) > 0 {
		groups = append(groups, huh.NewGroup(fields...))
	}
	areas := ss.opts.Areas
	if len(areas) == 0 {
		var opts []huh.Option[string]
		for _, ar := range ss.q.Areas {
			n, total := ss.answeredCount(&ar)
			opts = append(opts, huh.NewOption(fmt.Sprintf("%s (%d av %d besvart)", ar.Name, n, total), ar.ID).Selected(true))
		}
		var note []huh.Field
		if ss.p.accessible {
			// huh's own prompt is in English and says nothing of how it works.
			note = append(note, huh.NewNote().Description("Alle tiltaksområdene er valgt. Skriv nummeret på et område for å velge det bort (eller inn igjen), og 0 for å begynne."))
		}
		groups = append(groups, huh.NewGroup(append(note, huh.NewMultiSelect[string]().
			Title("Hvilke tiltaksområder vil du svare på?").
			Description("Alle er valgt. Fjern dem du ikke vil svare på nå.").
			Options(opts...).Value(&areas).Filterable(false).
			Validate(func(v []string) error {
				if len(v) == 0 && !(ss.p.accessible && ss.p.in.EOF()) {
					return errors.New("velg minst ett tiltaksområde")
				}
				return nil
			}))...))
	}
	if len(groups) > 0 {
		if err := ss.p.run(groups...); err != nil {
			return nil, err
		}
	}
	if name = strings.TrimSpace(name); name != "" {
		r := assessment.Respondent{Name: name, Role: strings.TrimSpace(role)}
		ss.pend.respondent = &r
		ss.respondentName = name
		ss.a.Respondents = addRespondent(ss.a.Respondents, r.Name, r.Role)
	}
	// Keep questionnaire order whatever order the areas were named in.
	var ordered []string
	for _, ar := range ss.q.Areas {
		if slices.Contains(areas, ar.ID) {
			ordered = append(ordered, ar.ID)
		}
	}
	return ordered, nil
}

// addRespondent adds a person to the respondents, or updates the role of
// one already named.
func addRespondent(rs []assessment.Respondent, name, role string) []assessment.Respondent {
	for i, r := range rs {
		if strings.EqualFold(r.Name, name) {
			if role != "" {
				rs[i].Role = role
			}
			return rs
		}
	}
	return append(rs, assessment.Respondent{Name: name, Role: role})
}

// answeredCount counts answered questions in one area, or in all with nil.
func (ss *sitting) answeredCount(area *assessment.Area) (n, total int) {
	ss.q.AllQuestions(func(a *assessment.Area, qu *assessment.Question) {
		if area != nil && a.ID != area.ID {
			return
		}
		total++
		if isAnswered(ss.q, ss.a, qu) {
			n++
		}
	})
	return n, total
}

// ask asks one question and saves the answer as soon as it is given;
// the comment and the evidence follow, and are saved in their turn. In
// the full-screen form they are a page of their own, so that Ctrl-C while
// commenting never loses the answer.
func (ss *sitting) ask(it questionItem) error {
	qu := it.Question
	prev, _ := ss.a.Answers.Get(qu.ID)
	opt := formOptions{accessible: ss.p.accessible, atEOF: ss.p.atEOF()}
	if !ss.p.accessible {
		opt.width, opt.height = ss.p.termSize()
	}
	f := buildQuestionForm(ss.q, it, prev, opt)
	if ss.p.accessible {
		if err := ss.p.run(huh.NewGroup(f.note, f.field)); err != nil {
			return err
		}
	} else if err := ss.p.runPage(f.page(ss.q), f.need); err != nil {
		return err
	}
	ans := f.answer()
	saved, err := ss.give(qu, ans)
	if err != nil {
		return err
	}
	if ss.p.accessible {
		ss.report(qu, ans, saved)
	}
	// What was saved may carry another sitting's words: comment on those.
	if cur, ok := ss.a.Answers.Get(qu.ID); ok {
		f.commentText = cur.Comment
	}
	err = ss.p.run(f.followUp(ss.q, ss.a, saved))
	if err == nil {
		ans = f.answer()
		if saved, err = ss.give(qu, ans); err != nil {
			return err
		}
	}
	if !ss.p.accessible {
		ss.report(qu, ans, saved)
	}
	return err
}

// report says what was stored for a question.
func (ss *sitting) report(qu *assessment.Question, ans *assessment.Answer, saved bool) {
	id := qu.ID
	switch {
	case !saved:
		fmt.Fprintf(ss.s.Err, "Svaret på %s er ikke lagret ennå: %s.\n", id, describeAnswer(ss.q, qu, ans))
	case ans == nil || !ans.Answered():
		fmt.Fprintf(ss.s.Err, "Hoppet over %s.\n", id)
	case ss.p.accessible:
		fmt.Fprintf(ss.s.Err, "Lagret %s: %s.\n", id, describeAnswer(ss.q, qu, ans))
	default:
		fmt.Fprintf(ss.s.Err, "✓ %s: %s\n", id, truncate(describeAnswer(ss.q, qu, ans), 74-len(id)))
	}
}

// stopped turns a stop (Ctrl-C, SIGINT, end of input) into exit code 130
// with a message that says how to continue.
func (ss *sitting) stopped(err error) error {
	if !errors.Is(err, errInterrupted) && !errors.Is(err, errEndOfInput) {
		var ee *cli.Error
		if errors.As(err, &ee) {
			return ee
		}
		return cli.Failure("%s", err)
	}
	why := "avbrutt"
	if errors.Is(err, errEndOfInput) {
		why = "inndata tok slutt før alle spørsmålene var stilt"
	}
	unsaved := ss.flush()
	switch {
	case len(unsaved) > 0:
		fmt.Fprintln(ss.s.Err)
		return &cli.Error{Code: cli.ExitInterrupted, Msg: fmt.Sprintf("%s. Disse svarene kunne ikke lagres i %s:\n  %s\nSvar på dem igjen med: %s",
			why, ss.path, strings.Join(unsaved, "\n  "), ss.resumeCommand())}
	case !ss.saved && ss.found:
		return &cli.Error{Code: cli.ExitInterrupted, Msg: fmt.Sprintf("%s; %s er ikke endret", why, ss.path)}
	case !ss.saved:
		return &cli.Error{Code: cli.ExitInterrupted, Msg: why + "; ingenting er lagret"}
	}
	fmt.Fprintln(ss.s.Err)
	return &cli.Error{Code: cli.ExitInterrupted, Msg: fmt.Sprintf("%s. Svarene er lagret i %s.\nFortsett med: %s", why, ss.path, ss.resumeCommand())}
}

// resumeCommand is the command that continues this session.
func (ss *sitting) resumeCommand() string {
	args := []string{"sirkel", "assess", shellQuote(ss.path)}
	if ss.opts.Questionnaire != "" {
		args = append(args, "-q", shellQuote(ss.opts.Questionnaire))
	}
	for _, a := range ss.opts.Areas {
		args = append(args, "--area", shellQuote(a))
	}
	return strings.Join(args, " ")
}

var reShellSafe = regexp.MustCompile(`^[A-Za-z0-9_./+:=-]+$`)

func shellQuote(s string) string {
	if reShellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// finish reads the saved file back, as any other command would, and shows
// the scores per area and the next step.
func (ss *sitting) finish(areas []string) error {
	if unsaved := ss.flush(); len(unsaved) > 0 {
		return cli.Failure("disse svarene kunne ikke lagres i %s:\n  %s\nSvar på dem igjen med: %s",
			ss.path, strings.Join(unsaved, "\n  "), ss.resumeCommand())
	}
	data, err := strictyaml.ReadFile(ss.path)
	if err != nil {
		cli.PrintDiagnostics(ss.s.Err, cli.AsDiagnostics(ss.path, err))
		return cli.Failure("kan ikke lese %s", ss.path)
	}
	a, ds := assessment.ParseAnswers(ss.path, data)
	var checked *assessment.Checked
	if !ds.HasErrors() {
		var cds assessment.Diagnostics
		checked, cds = a.Check(ss.q, assessment.CheckOptions{IgnoreUnknown: true})
		ds = append(ds, cds...)
	}
	if ds.HasErrors() {
		cli.PrintDiagnostics(ss.s.Err, ds)
		return cli.Failure("den lagrede svarfilen %s har feil", ss.path)
	}
	skipped := 0
	for _, id := range areas {
		ar, _ := ss.q.Area(id)
		n, total := ss.answeredCount(ar)
		skipped += total - n
	}
	fmt.Fprintln(ss.s.Err)
	fmt.Fprintf(ss.s.Err, "Ferdig. Svarene er lagret i %s.\n", ss.path)
	if skipped > 0 {
		fmt.Fprintf(ss.s.Err, "%d spørsmål i områdene du valgte står ubesvart; svar på dem senere med %s\n", skipped, ss.resumeCommand())
	}
	fmt.Fprintln(ss.s.Err)
	r := assessment.Evaluate(checked)
	if err := scores.WriteTable(ss.s.Out, ss.path, r, scores.TableOptions{Color: ss.s.Color()}); err != nil {
		return err
	}
	fmt.Fprintf(ss.s.Err, "\nNeste steg: lag rapporten med «sirkel report %s».\n", shellQuote(ss.path))
	return nil
}

// envTrue reads a boolean environment variable such as ACCESSIBLE=1.
func envTrue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "nei", "no", "off":
		return false
	}
	return true
}

// wrapText breaks a paragraph for the terminal.
func wrapText(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && len([]rune(cur.String()))+1+len([]rune(w)) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// truncate shortens s to at most n runes, ending it with «…» when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if n < 1 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
