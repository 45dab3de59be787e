// Package session is one sitting of «sirkel assess»: it opens or creates an
// answers file, asks the questions area by area — in a full-screen form
// (huh) or as plain line prompts for screen readers and piped input — and
// saves the file atomically after every answer, so that no answer a user
// gave is ever lost, whatever stops the sitting. It speaks bokmål or
// nynorsk, every sentence from the catalogues in assessment/lang.
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
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/lock"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/assessment/register"
	"github.com/sirkel/sirkel/assessment/schema"
	"github.com/sirkel/sirkel/assessment/strictyaml"
	"github.com/sirkel/sirkel/questionnaires"
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
	// Lang is the written standard asked for on the command line (--lang),
	// zero when none was: the sitting then speaks the answers file's
	// «language» when it continues a file, else SIRKEL_LANG or the locale
	// (lang.Choose). A new file records the sitting's language; when
	// neither Lang nor SIRKEL_LANG gave it, the sitting asks «Bokmål eller
	// nynorsk?» first. Pass only what the user asked for: a language
	// chosen from the locale would override the file's.
	Lang lang.Lang
	// LockWait is how long a save waits for another sitting's lock before
	// it says so (and waits on); lock.DefaultWait when 0.
	LockWait time.Duration
}

// fylkeQuestionnaire is the embedded questionnaire for fylkeskommuner,
// used when a fylkeskommune starts a new file and -q names none.
const fylkeQuestionnaire = questionnaires.DefaultID + "-fylke"

// sitting is one sitting: the questionnaire, the answers so far and
// where they are saved.
type sitting struct {
	ctx   context.Context
	s     *cli.Streams
	opts  *Options
	qs    *batch.Source
	p     *prompter
	lp    *lang.Printer // the sitting's language
	q     *assessment.Questionnaire
	path  string
	saved bool // the file has been written in this session
	found bool // the file existed and is being continued
	force bool // --force: the first save replaces the file
	// byDefault: q is the default for want, not named by -q or a file; a
	// fylkeskommune chosen later gets its own.
	byDefault bool
	style     lipgloss.Style
	today     assessment.Date
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
	ss := &sitting{ctx: ctx, s: s, opts: opts, qs: batch.NewSource(opts.Questionnaire, s.In), path: opts.File, lockWait: opts.LockWait}
	ss.setLang(ss.chooseLang(""))
	if opts.Questionnaire == cli.StdinName {
		return cli.Usage("%s", ss.lp.T("assess-stdin-questionnaire"))
	}
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
			return cli.Usage("%s", ss.lp.T("assess-municipality-flag", "Error", errorText(ss.lp, err)))
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
		if err := ss.useDefault(muni); err != nil {
			return err
		}
	}
	if err := ss.checkAreas(); err != nil {
		return err
	}
	if ss.a != nil && muni != nil && ss.a.Municipality.Number != muni.Number {
		return cli.Usage("%s", ss.lp.T("assess-file-other-municipality", "File", ss.path,
			"Name", ss.a.Municipality.Name, "Number", ss.a.Municipality.Number, "OtherName", muni.Name, "OtherNumber", muni.Number))
	}

	accessible := opts.Accessible || envTrue(s.Getenv("ACCESSIBLE")) || !s.InTTY || !s.ErrTTY
	ss.p = newPrompter(ctx, s, accessible, ss.lp)
	ss.style = lipgloss.NewStyle()
	if !accessible {
		re := lipgloss.NewRenderer(s.Err)
		if s.Getenv("NO_COLOR") != "" || !s.ErrTTY {
			re.SetColorProfile(termenv.Ascii)
		}
		ss.style = re.NewStyle().Bold(true)
	}

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
		}
		if ss.a == nil && ss.byDefault {
			if err := ss.useDefault(muni); err != nil {
				return err
			}
		}
		if err := ss.checkAreas(); err != nil {
			return err
		}
	}
	if ss.a == nil && !ss.langGiven() {
		l, err := ss.askLang()
		if err != nil {
			return ss.stopped(err)
		}
		ss.setLang(l)
	}
	ss.intro()
	if ss.a == nil {
		ss.fresh = &assessment.Answers{Kind: assessment.KindAnswers, Municipality: *muni, Language: string(ss.lp.Lang())}
		ss.a = cloneAnswers(ss.fresh)
		fmt.Fprintln(s.Err, ss.lp.T("assess-new-file", "Name", muni.Name, "Number", muni.Number, "File", ss.path))
	} else {
		n, total := ss.answeredCount(nil)
		fmt.Fprintln(s.Err, ss.lp.T("assess-continue", "File", ss.path, "Name", ss.a.Municipality.Name, "Answered", n, "Total", total))
	}

	areas, err := ss.askStart()
	if err != nil {
		return ss.stopped(err)
	}
	if opts.Schema {
		name := schema.FileName(ss.q.Ref())
		path := filepath.Join(filepath.Dir(ss.path), name)
		if err := cli.WriteAtomic(path, func(w io.Writer) error { return schema.Write(w, schema.ForAnswers(ss.lp, ss.q)) }); err != nil {
			return cli.Failure("%s", ss.lp.T("assess-schema-failed", "File", path, "Error", err))
		}
		ss.modeline = schema.Modeline(name)
	}
	if err := ss.save(); err != nil {
		return ss.stopped(err)
	}

	items := planQuestions(ss.q, ss.a, areas, opts.Review)
	if len(items) == 0 {
		fmt.Fprintln(s.Err, ss.lp.T("assess-all-answered"))
	}
	for _, it := range items {
		ss.refresh()
		if !opts.Review && isAnswered(ss.q, ss.a, it.Question) {
			ans, _ := ss.a.Answers.Get(it.Question.ID)
			fmt.Fprintln(s.Err, ss.lp.T("assess-answered-elsewhere", "ID", it.Question.ID, "Answer", describeAnswer(ss.lp, ss.q, it.Question, ans)))
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

// setLang makes l the sitting's language.
func (ss *sitting) setLang(l lang.Lang) {
	ss.lp = lang.For(l)
	if ss.p != nil {
		ss.p.p = ss.lp
	}
}

// chooseLang is the language of a sitting on a file in language file ("":
// none, or a new file): --lang, the file's, SIRKEL_LANG, the locale.
func (ss *sitting) chooseLang(file string) lang.Lang {
	return lang.Choose(string(ss.opts.Lang), file, ss.s.Getenv)
}

// langGiven reports whether the user said which language to speak, with
// --lang or SIRKEL_LANG; else a new file asks.
func (ss *sitting) langGiven() bool {
	_, ok := lang.Parse(ss.s.Getenv("SIRKEL_LANG"))
	return ss.opts.Lang != "" || ok
}

// askLang asks «Bokmål eller nynorsk?» for a new file; an empty line keeps
// the language chosen from the environment.
func (ss *sitting) askLang() (lang.Lang, error) {
	l := ss.lp.Lang()
	if !ss.p.accessible {
		sel := huh.NewSelect[lang.Lang]().Title(ss.lp.T("assess-lang-question")).
			Options(huh.NewOption(ss.lp.T("assess-lang-nb"), lang.NB), huh.NewOption(ss.lp.T("assess-lang-nn"), lang.NN)).
			Value(&l)
		err := ss.p.run(huh.NewGroup(sel))
		return l, err
	}
	ss.p.say(ss.lp.T("assess-lang-question"))
	err := ss.p.ask(ss.lp.T("assess-lang-prompt"), func(s string) error {
		s = strings.TrimSpace(s)
		for _, c := range []lang.Lang{lang.NB, lang.NN} {
			if strings.EqualFold(s, lang.For(c).T("assess-lang-"+string(c))) {
				l = c
				return nil
			}
		}
		if v, ok := lang.Parse(s); ok && !strings.ContainsAny(s, "_-.") {
			l = v
			return nil
		}
		if s == "" {
			return nil
		}
		return lang.NewError(lang.M("assess-lang-invalid", "Value", s))
	})
	return l, err
}

// open continues the answers file at ss.path if it exists, choosing the
// questionnaire it names unless -q is given, and its language unless
// --lang is given. A file that is not an answers file for that
// questionnaire is refused, never overwritten.
func (ss *sitting) open() error {
	p := ss.lp
	info, err := os.Stat(ss.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err == nil && info.IsDir() {
		return cli.Usage("%s", p.T("assess-file-is-folder", "File", ss.path, "Example", defaultAnswersFile("3440")))
	}
	if err == nil && ss.opts.Force {
		fmt.Fprintln(ss.s.Err, p.T("assess-force", "File", ss.path))
		ss.force = true
		return nil
	}
	// --force would destroy what a file holds: it is offered only for a
	// file that holds no answers at all.
	refuse := func(why, what lang.Msg) error {
		return cli.Failure("%s", p.T("assess-refuse", "File", ss.path, "Why", why, "What", what))
	}
	data, err := strictyaml.ReadFile(ss.path)
	if err != nil {
		printDiagnostics(ss.s.Err, p, cli.AsDiagnostics(ss.path, err))
		return refuse(lang.M("assess-refuse-unreadable"), lang.M("assess-mend"))
	}
	if line, _, _ := strings.Cut(string(data), "\n"); strings.HasPrefix(line, "# yaml-language-server:") {
		ss.modeline = line + "\n"
	}
	a, ds := assessment.ParseAnswers(ss.path, data)
	if !ds.HasErrors() && (bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})) {
		fmt.Fprintln(ss.s.Err, p.T("assess-utf16", "File", ss.path))
	}
	if ds.HasErrors() {
		printDiagnostics(ss.s.Err, p, ds)
		switch {
		case a == nil && !bytes.Contains(data, []byte("answers:")) && !bytes.Contains(data, []byte("kind:")):
			return refuse(lang.M("assess-refuse-not-answers"), lang.M("assess-mend-not-answers"))
		case a == nil:
			return refuse(lang.M("assess-refuse-not-readable-answers"), lang.M("assess-mend-validate", "File", ss.path))
		}
		return refuse(lang.M("assess-refuse-errors-validate", "File", ss.path), lang.M("assess-mend-errors"))
	}
	if err := ss.useQuestionnaire(a.Questionnaire); err != nil {
		return err
	}
	// From here on the sitting speaks the file's language.
	ss.setLang(ss.chooseLang(a.Language))
	p = ss.lp
	if a.Questionnaire.ID != ss.q.ID {
		return refuse(lang.M("assess-refuse-other-questionnaire", "Has", a.Questionnaire.ID, "Want", ss.q.ID),
			lang.M("assess-mend-other-questionnaire", "ID", ss.q.ID))
	}
	var fatal assessment.Diagnostics
	_, ds = a.Check(ss.q, assessment.CheckOptions{IgnoreUnknown: true})
	for _, d := range ds {
		switch {
		case d.Severity == assessment.SevWarning:
			fmt.Fprintln(ss.s.Err, d.In(p))
		case strings.HasPrefix(d.Path, "answers."):
			// The raw answer is kept in the file and the question asked again.
			d.Severity = assessment.SevWarning
			fmt.Fprintln(ss.s.Err, p.T("assess-asked-again", "Diagnostic", d.In(p)))
		default:
			fatal = append(fatal, d)
		}
	}
	if len(fatal) > 0 {
		printDiagnostics(ss.s.Err, p, fatal)
		return refuse(lang.M("assess-refuse-errors"), lang.M("assess-mend-errors"))
	}
	if a.Questionnaire.Version != ss.q.Version {
		fmt.Fprintln(ss.s.Err, p.T("assess-new-version", "File", ss.path, "Version", ss.q.Version))
	}
	ss.a, ss.seen, ss.found = cloneAnswers(a), a, true
	ss.fresh = &assessment.Answers{Kind: assessment.KindAnswers, Municipality: a.Municipality, Language: a.Language}
	return nil
}

// printDiagnostics writes diagnostics in p's language, one a line.
func printDiagnostics(w io.Writer, p *lang.Printer, ds assessment.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, d.In(p))
	}
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
	ss.byDefault = ss.opts.Questionnaire == "" && ref.ID == ""
	return nil
}

// useDefault sets the questionnaire for a new file: -q, else the embedded
// one for a kommune, or for a fylkeskommune when m is one.
func (ss *sitting) useDefault(m *assessment.Municipality) error {
	ref := assessment.QuestionnaireRef{}
	if m != nil && assessment.AudienceOf(m.Number) == assessment.ForFylkeskommune && ss.opts.Questionnaire == "" {
		ref.ID = fylkeQuestionnaire
	}
	err := ss.useQuestionnaire(ref)
	ss.byDefault = ss.opts.Questionnaire == ""
	return err
}

func (ss *sitting) checkAreas() error {
	var ids []string
	for _, a := range ss.q.Areas {
		ids = append(ids, a.ID)
	}
	for _, id := range ss.opts.Areas {
		if !slices.Contains(ids, id) {
			return cli.Usage("%s", ss.lp.T("assess-unknown-area", "Area", id, "ID", ss.q.ID, "Valid", strings.Join(ids, ", ")))
		}
	}
	return nil
}

func (ss *sitting) intro() {
	p, w := ss.lp, ss.s.Err
	n := ss.q.QuestionCount()
	fmt.Fprintln(w)
	fmt.Fprintln(w, ss.style.Render(ss.q.Title.Localize(p)))
	fmt.Fprintln(w)
	text := p.T("assess-intro", "Org", ss.q.WordsIn(p).Org, "Questions", n,
		"Areas", lang.M("assess-areas-count", "Count", len(ss.q.Areas)), "Duration", durationText(n))
	if ss.p.accessible {
		text += " " + p.T("assess-intro-accessible")
	}
	for _, l := range wrapText(text, 78) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("assess-intro-scale"))
	lines := make([]string, 0, len(ss.q.Scale)+1)
	for _, pt := range ss.q.Scale {
		lines = append(lines, joinNonEmpty(": ", assessment.ScaleTextIn(p, ss.q, *pt.Value), strings.TrimSpace(pt.Description.Localize(p))))
	}
	// Listed where the lists have it: right after the scale.
	lines = append(lines, p.T("assess-intro-dont-know", "Label", p.T("value-dont-know")))
	for _, line := range lines {
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

// durationText estimates how long n questions take, at about 40 seconds
// each.
func durationText(n int) lang.Msg {
	m := (n*40 + 59) / 60
	switch {
	case m < 50:
		return lang.M("assess-duration-minutes", "Count", max(5, (m+4)/5*5))
	case m <= 75:
		return lang.M("assess-duration-hour")
	}
	return lang.M("assess-duration-hours", "Hours", assessment.DecimalComma(float64((m+15)/30)/2))
}

func (ss *sitting) askMunicipality() (assessment.Municipality, error) {
	p := ss.lp
	if ss.p.accessible {
		var m assessment.Municipality
		err := ss.p.ask(p.T("assess-municipality-prompt"), func(s string) error {
			var err error
			m, err = resolveMunicipality(s)
			return err
		})
		return m, err
	}
	// A search line and a list ranked by register.Search, the best
	// matches first (huh's own filter keeps the list alphabetical).
	var query, value string
	search := huh.NewInput().Title(p.T("assess-municipality-search")).
		Description(p.T("assess-municipality-search-help")).
		Placeholder(p.T("assess-municipality-search-placeholder")).Value(&query)
	list := huh.NewSelect[string]().Title(p.T("assess-municipality-list")).
		OptionsFunc(func() []huh.Option[string] { return municipalityOptions(p, query) }, &query).
		Height(10).Value(&value).
		Validate(func(v string) error {
			if v == "" {
				return errors.New(p.T("assess-municipality-none"))
			}
			return nil
		})
	keys := assessKeyMap(p)
	keys.Input.Next.SetHelp("enter", p.T("assess-key-to-list"))
	keys.Select.Prev.SetHelp("shift+tab", p.T("assess-key-change-search"))
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
func municipalityOptions(p *lang.Printer, query string) []huh.Option[string] {
	var opts []huh.Option[string]
	for _, m := range register.Search(query) {
		key := fmt.Sprintf("%s – %s, %s", m.Name, m.Number, m.CountyName)
		if m.IsCounty() {
			key = p.T("assess-municipality-county", "Name", m.Name, "Number", m.Number)
		}
		opts = append(opts, huh.NewOption(key, m.Number))
	}
	if len(opts) == 0 {
		opts = append(opts, huh.NewOption(p.T("assess-municipality-no-match", "Query", strings.TrimSpace(query)), ""))
	}
	return opts
}

var reNumber = regexp.MustCompile(`^[0-9]{2}$|^[0-9]{4}$`)

// resolveMunicipality finds a kommune or fylkeskommune by its number, or by
// its name or a part of it when one match is better than the others; else
// it is an error (a *lang.Error) that lists the best matches.
func resolveMunicipality(s string) (assessment.Municipality, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return assessment.Municipality{}, lang.NewError(lang.M("assess-municipality-empty"))
	}
	if reNumber.MatchString(s) {
		if m, ok := register.Lookup(s); ok {
			return assessment.Municipality{Name: m.Name, Number: s}, nil
		}
		return assessment.Municipality{}, lang.NewError(lang.M("assess-municipality-unknown-number", "Number", s))
	}
	found := register.Search(s)
	switch {
	case len(found) == 0:
		return assessment.Municipality{}, lang.NewError(lang.M("assess-municipality-unknown-name", "Name", s))
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
	return assessment.Municipality{}, lang.NewError(lang.M("assess-municipality-ambiguous", "Name", s, "Matches", strings.Join(names, ", ")))
}

func defaultAnswersFile(number string) string { return "svar-" + number + ".yaml" }

// askStart asks who answers and which areas, unless flags said so.
func (ss *sitting) askStart() ([]string, error) {
	var name, role string
	var areas []string
	var err error
	if ss.p.accessible {
		name, role, areas, err = ss.askStartLines()
	} else {
		name, role, areas, err = ss.askStartForm()
	}
	if err != nil {
		return nil, err
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

// knownRespondents names the respondents in the file, for the name prompt.
func (ss *sitting) knownRespondents() string {
	if len(ss.a.Respondents) == 0 {
		return ""
	}
	var who []string
	for _, r := range ss.a.Respondents {
		who = append(who, joinNonEmpty(", ", r.Name, r.Role))
	}
	return ss.lp.T("assess-respondents-known", "Names", strings.Join(who, "; "))
}

// areaLabel is an area with how much of it is answered.
func (ss *sitting) areaLabel(ar *assessment.Area) string {
	n, total := ss.answeredCount(ar)
	return ss.lp.T("assess-area-option", "Name", ar.Name, "Answered", n, "Total", total)
}

// askStartLines asks name, role and areas in accessible mode.
func (ss *sitting) askStartLines() (name, role string, areas []string, err error) {
	p, pr := ss.lp, ss.p
	name, role, areas = ss.opts.Respondent, ss.opts.Role, ss.opts.Areas
	if ss.opts.Respondent == "" {
		if known := ss.knownRespondents(); known != "" {
			pr.say(known)
		}
		if name, err = pr.line(p.T("assess-name") + ":"); err != nil {
			return
		}
	}
	if ss.opts.Role == "" {
		if role, err = pr.line(p.T("assess-role") + ":"); err != nil {
			return
		}
	}
	if len(areas) > 0 {
		return
	}
	pr.say("", p.T("assess-areas-question"))
	for i := range ss.q.Areas {
		pr.say("  " + strconv.Itoa(i+1) + ": " + ss.areaLabel(&ss.q.Areas[i]))
	}
	err = pr.ask(p.T("assess-areas-prompt"), func(s string) error {
		areas = nil
		if strings.TrimSpace(s) == "" {
			for _, ar := range ss.q.Areas {
				areas = append(areas, ar.ID)
			}
			return nil
		}
		if !reNumberList.MatchString(strings.TrimSpace(s)) {
			return lang.NewError(lang.M("assess-areas-numbers", "Max", len(ss.q.Areas)))
		}
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
			n, _ := strconv.Atoi(f)
			if n < 1 || n > len(ss.q.Areas) {
				return lang.NewError(lang.M("assess-areas-no-area", "Number", n, "Max", len(ss.q.Areas)))
			}
			areas = append(areas, ss.q.Areas[n-1].ID)
		}
		return nil
	})
	return
}

// askStartForm asks name, role and areas in the terminal UI.
func (ss *sitting) askStartForm() (name, role string, areas []string, err error) {
	p := ss.lp
	name, role, areas = ss.opts.Respondent, ss.opts.Role, ss.opts.Areas
	var groups []*huh.Group
	var fields []huh.Field
	if ss.opts.Respondent == "" {
		in := huh.NewInput().Title(p.T("assess-name")).Value(&name)
		if known := ss.knownRespondents(); known != "" {
			in.Description(known)
		}
		fields = append(fields, in)
	}
	if ss.opts.Role == "" {
		fields = append(fields, huh.NewInput().Title(p.T("assess-role")).
			Description(p.T("assess-role-help")).Value(&role))
	}
	if len(fields) > 0 {
		groups = append(groups, huh.NewGroup(fields...))
	}
	if len(areas) == 0 {
		var opts []huh.Option[string]
		for i := range ss.q.Areas {
			ar := &ss.q.Areas[i]
			opts = append(opts, huh.NewOption(ss.areaLabel(ar), ar.ID).Selected(true))
		}
		groups = append(groups, huh.NewGroup(huh.NewMultiSelect[string]().
			Title(p.T("assess-areas-question")).
			Description(p.T("assess-areas-help")).
			Options(opts...).Value(&areas).Filterable(false).
			Validate(func(v []string) error {
				if len(v) == 0 {
					return errors.New(p.T("assess-areas-choose-one"))
				}
				return nil
			})))
	}
	if len(groups) > 0 {
		err = ss.p.run(groups...)
	}
	return
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
	if ss.p.accessible {
		return ss.askLines(newQuestionForm(ss.lp, ss.q, it, prev))
	}
	var opt formOptions
	opt.width, opt.height = ss.p.termSize()
	f := buildQuestionForm(ss.lp, ss.q, it, prev, opt)
	if err := ss.p.runPage(f.page(), f.need); err != nil {
		return err
	}
	ans := f.answer()
	saved, err := ss.give(qu, ans)
	if err != nil {
		return err
	}
	// What was saved may carry another sitting's words: comment on those.
	if cur, ok := ss.a.Answers.Get(qu.ID); ok {
		f.commentText = cur.Comment
	}
	err = ss.p.run(f.followUp(saved))
	if err == nil {
		ans = f.answer()
		if saved, err = ss.give(qu, ans); err != nil {
			return err
		}
	}
	ss.report(qu, ans, saved)
	return err
}

// report says what was stored for a question.
func (ss *sitting) report(qu *assessment.Question, ans *assessment.Answer, saved bool) {
	p, id := ss.lp, qu.ID
	desc := describeAnswer(p, ss.q, qu, ans)
	switch {
	case !saved:
		fmt.Fprintln(ss.s.Err, p.T("assess-report-unsaved", "ID", id, "Answer", desc))
	case ans == nil || !ans.Answered():
		fmt.Fprintln(ss.s.Err, p.T("assess-report-skipped", "ID", id))
	case ss.p.accessible:
		fmt.Fprintln(ss.s.Err, p.T("assess-report-saved", "ID", id, "Answer", desc))
	default:
		fmt.Fprintf(ss.s.Err, "✓ %s: %s\n", id, truncate(desc, 74-len(id)))
	}
}

// stopped turns a stop (Ctrl-C, SIGINT, end of input) into exit code 130
// with a message that says how to continue.
func (ss *sitting) stopped(err error) error {
	p := ss.lp
	if !errors.Is(err, errInterrupted) && !errors.Is(err, errEndOfInput) {
		var ee *cli.Error
		if errors.As(err, &ee) {
			return ee
		}
		return cli.Failure("%s", errorText(p, err))
	}
	why := lang.M("assess-stop-interrupted")
	if errors.Is(err, errEndOfInput) {
		why = lang.M("assess-stop-end-of-input")
	}
	stop := func(msg string) error { return &cli.Error{Code: cli.ExitInterrupted, Msg: msg} }
	unsaved := ss.flush()
	switch {
	case len(unsaved) > 0:
		fmt.Fprintln(ss.s.Err)
		return stop(p.T("assess-stopped-unsaved", "Why", why, "Count", len(unsaved), "File", ss.path,
			"List", strings.Join(unsaved, "\n  "), "Command", ss.resumeCommand()))
	case !ss.saved && ss.found:
		return stop(p.T("assess-stopped-unchanged", "Why", why, "File", ss.path))
	case !ss.saved:
		return stop(p.T("assess-stopped-nothing", "Why", why))
	}
	fmt.Fprintln(ss.s.Err)
	return stop(p.T("assess-stopped-saved", "Why", why, "File", ss.path, "Command", ss.resumeCommand()))
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
	p := ss.lp
	if unsaved := ss.flush(); len(unsaved) > 0 {
		return cli.Failure("%s", p.T("assess-finish-unsaved", "Count", len(unsaved), "File", ss.path,
			"List", strings.Join(unsaved, "\n  "), "Command", ss.resumeCommand()))
	}
	data, err := strictyaml.ReadFile(ss.path)
	if err != nil {
		printDiagnostics(ss.s.Err, p, cli.AsDiagnostics(ss.path, err))
		return cli.Failure("%s", p.T("assess-finish-unreadable", "File", ss.path))
	}
	a, ds := assessment.ParseAnswers(ss.path, data)
	var checked *assessment.Checked
	if !ds.HasErrors() {
		var cds assessment.Diagnostics
		checked, cds = a.Check(ss.q, assessment.CheckOptions{IgnoreUnknown: true})
		ds = append(ds, cds...)
	}
	if ds.HasErrors() {
		printDiagnostics(ss.s.Err, p, ds)
		return cli.Failure("%s", p.T("assess-finish-invalid", "File", ss.path))
	}
	skipped := 0
	for _, id := range areas {
		ar, _ := ss.q.Area(id)
		n, total := ss.answeredCount(ar)
		skipped += total - n
	}
	fmt.Fprintln(ss.s.Err)
	fmt.Fprintln(ss.s.Err, p.T("assess-done", "File", ss.path))
	if skipped > 0 {
		fmt.Fprintln(ss.s.Err, p.T("assess-done-unanswered", "Unanswered", skipped, "Command", ss.resumeCommand()))
	}
	fmt.Fprintln(ss.s.Err)
	r := assessment.Evaluate(checked)
	if err := scores.WriteTable(ss.s.Out, ss.path, r, scores.TableOptions{Color: ss.s.Color()}); err != nil {
		return err
	}
	fmt.Fprintln(ss.s.Err)
	fmt.Fprintln(ss.s.Err, p.T("assess-next-step", "Command", "sirkel report "+shellQuote(ss.path)))
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
