package main

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unicode/utf16"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/questionnaires"
)

// watchBuffer is a buffer safe for the goroutine huh runs in, which can
// tell when some text has been written.
type watchBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
}

func (w *watchBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if w.seen != nil && strings.Contains(w.buf.String(), w.want) {
		close(w.seen)
		w.seen = nil
	}
	return n, err
}

func (w *watchBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// waitFor returns a channel closed once s has been written.
func (w *watchBuffer) waitFor(s string) <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	ch := make(chan struct{})
	if strings.Contains(w.buf.String(), s) {
		close(ch)
		return ch
	}
	w.want, w.seen = s, ch
	return ch
}

func testStreams(in io.Reader) (*cli.Streams, *bytes.Buffer, *watchBuffer) {
	out, errw := &bytes.Buffer{}, &watchBuffer{}
	// SIRKEL_LANG says the language: a new file asks no «Bokmål eller
	// nynorsk?» (the scripts and the session's tests ask it).
	env := map[string]string{"NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1795132800", "SIRKEL_LANG": "nb"}
	return &cli.Streams{In: in, Out: out, Err: errw, Getenv: func(k string) string { return env[k] }}, out, errw
}

// answerLines types an answer to every question of an area the way a
// person would in accessible mode, whatever the questions are: 2 on the
// scale, ja, the second option of a choice, the first of a multi, a
// number, a text; each followed by an empty comment and no evidence.
func answerLines(ar *assessment.Area) string {
	var b strings.Builder
	for _, qu := range ar.Questions {
		switch qu.EffectiveType() {
		case assessment.TypeMulti:
			b.WriteString("1\n")
		case assessment.TypeYesNo:
			b.WriteString("j\n")
		case assessment.TypeNumber:
			b.WriteString("12,5\n")
		case assessment.TypeText:
			b.WriteString("Et fritt svar\n")
		default:
			b.WriteString("2\n")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// A full run of one area of the default questionnaire in accessible mode,
// with the ids taken from the questionnaire as it is now.
func TestAssessDefaultQuestionnaireArea(t *testing.T) {
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	q := e.Questionnaire
	ar := &q.Areas[len(q.Areas)-1]
	path := filepath.Join(t.TempDir(), "svar.yaml")
	s, out, errw := testStreams(strings.NewReader(answerLines(ar)))
	code := run([]string{"assess", path, "--municipality", "3440", "--respondent", "Kari Nordbø", "--role", "Klimarådgiver", "--area", ar.ID}, s)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	c := loadChecked(t, path, q)
	if c.Answers.Answers.Len() != len(ar.Questions) {
		t.Errorf("%d answers, want %d", c.Answers.Answers.Len(), len(ar.Questions))
	}
	r := assessment.Evaluate(c)
	for _, res := range r.Areas {
		if res.Area.ID == ar.ID && (!res.Coverage.Defined || res.Coverage.Value != 1) {
			t.Errorf("coverage of %s: %+v", ar.ID, res.Coverage)
		}
	}
	if !strings.Contains(out.String(), ar.Name.String()) || !strings.Contains(out.String(), "Totalskår") {
		t.Errorf("no score table on stdout:\n%s", out)
	}
	if !strings.Contains(errw.String(), "sirkel report "+path) {
		t.Errorf("no next step:\n%s", errw)
	}
	// Every question of the questionnaire is in the file, as a key or a
	// comment, so that it can be finished by hand.
	data, _ := os.ReadFile(path)
	for _, id := range q.QuestionIDs() {
		if !bytes.Contains(data, []byte("  "+id+":")) && !bytes.Contains(data, []byte("  # "+id+":")) {
			t.Errorf("%s missing from the file", id)
		}
	}
}

// SIGINT in accessible mode after a few answers: they are on disk, the
// message says how to continue, and the exit code is 130.
func TestAssessSIGINT(t *testing.T) {
	q := miniQuestionnaire(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "svar.yaml")
	pr, pw := io.Pipe()
	defer pw.Close()
	s, _, errw := testStreams(pr)
	prompt := errw.waitFor("spørsmål 3 av 3")
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"assess", path, "-q", "../../testdata/mini-questionnaire.yaml", "-m", "3440", "--respondent", "Kari", "--role", "K", "--area", "styring"}, s)
	}()
	if _, err := io.WriteString(pw, "3\nVedtatt\n\nj\n\n\n"); err != nil {
		t.Fatal(err)
	}
	<-prompt // the third question waits for its answer; run's signal handler is in place
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != cli.ExitInterrupted {
		t.Fatalf("exit %d, want 130\n%s", code, errw)
	}
	if !strings.Contains(errw.String(), "Svarene er lagret i "+path+".\nFortsett med: sirkel assess "+path) {
		t.Errorf("no resume hint:\n%s", errw)
	}
	c := loadChecked(t, path, q)
	if got := strings.Join(c.Answers.Answers.Order, ","); got != "styring-plan,styring-budsjett" {
		t.Errorf("answers %s", got)
	}
	qu, _, _ := q.Question("styring-plan")
	if ans, _ := c.Answers.Answers.Get("styring-plan"); c.Value(qu).Number != 3 || ans.Comment != "Vedtatt" {
		t.Errorf("styring-plan = %+v", ans)
	}
}

// loadChecked reads an answers file as the other commands do.
func loadChecked(t *testing.T, path string, q *assessment.Questionnaire) *assessment.Checked {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, ds := assessment.ParseAnswers(path, data)
	var c *assessment.Checked
	if !ds.HasErrors() {
		var cds assessment.Diagnostics
		c, cds = a.Check(q, assessment.CheckOptions{})
		ds = append(ds, cds...)
	}
	if ds.HasErrors() {
		t.Fatalf("%v\n%s", ds, data)
	}
	return c
}

// An answers file saved as UTF-16 (Notepad's «Unicode») is continued, and
// saved back as UTF-8 with its answers; --force is never suggested.
func TestAssessUTF16File(t *testing.T) {
	q := miniQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "svar.yaml")
	src := "kind: answers\nquestionnaire: {id: mini, version: \"1\"}\nmunicipality: {name: Øyer, number: \"3440\"}\ndate: 2026-11-20\nanswers:\n  styring-plan: {value: 3, comment: Vedtatt i bystyret}\n"
	data := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(src)) {
		data = binary.LittleEndian.AppendUint16(data, u)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, _, errw := testStreams(strings.NewReader("j\n\n\n"))
	code := run([]string{"assess", path, "-q", miniQ, "--respondent", "Kari", "--role", "K", "--area", "styring"}, s)
	if code != cli.ExitInterrupted || strings.Contains(errw.String(), "--force") {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	if !strings.Contains(errw.String(), "er lagret som UTF-16; den lagres heretter som UTF-8") {
		t.Errorf("no notice:\n%s", errw)
	}
	c := loadChecked(t, path, q)
	if got := answerOf(t, c, "styring-plan"); got != "Etablert (3)" {
		t.Errorf("styring-plan = %q", got)
	}
	if ans, _ := c.Answers.Answers.Get("styring-plan"); ans.Comment != "Vedtatt i bystyret" {
		t.Errorf("comment %q", ans.Comment)
	}
	if got := answerOf(t, c, "styring-budsjett"); got != "Ja" {
		t.Errorf("styring-budsjett = %q", got)
	}
}
