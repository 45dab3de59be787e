package session

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/questionnaires"
)

// syncBuffer is a buffer that the terminal UI may write from its own
// goroutine while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls until s has been written, or gives up after d.
func (b *syncBuffer) waitFor(s string, d time.Duration) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(b.String(), s) {
			return true
		}
	}
	return false
}

// tuiSitting runs Run in the full-screen form, fed keys through a pipe as
// a terminal would send them. The pipe is a file, as a terminal is:
// bubbletea can stop reading only from files, and each form of the
// sitting reads the input in turn.
func tuiSitting(t *testing.T, args Options) (keys *os.File, screen *syncBuffer, done <-chan error) {
	t.Helper()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	screen = &syncBuffer{}
	env := map[string]string{"NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1795132800", "TERM": "xterm"}
	s := &cli.Streams{In: pr, Out: io.Discard, Err: screen, InTTY: true, ErrTTY: true, Getenv: func(k string) string { return env[k] }}
	ch := make(chan error, 1)
	go func() { ch <- Run(context.Background(), s, &args) }()
	// The read end stays open: bubbletea's reader may still be on it after
	// the sitting ends, and sees the end of input once pw is closed.
	t.Cleanup(func() { pw.Close() })
	return pw, screen, ch
}

// A chosen answer is saved when it is chosen: Ctrl-C in the comment that
// follows loses nothing, and the exit message is true.
func TestTUIChoiceSavedBeforeComment(t *testing.T) {
	if raceDetector {
		// bubbletea 1.3.6 closes its input reader on Ctrl-C without waiting
		// for its read loop, which the race detector reports; it is not
		// this package's code, and the sitting's own concurrency is tested
		// under -race by the cmd/sirkel tests.
		t.Skip("bubbletea's input reader races with itself on Ctrl-C")
	}
	path := filepath.Join(t.TempDir(), "svar.yaml")
	keys, screen, done := tuiSitting(t, Options{File: path, Questionnaire: "../../../../testdata/mini-questionnaire.yaml",
		Municipality: "3440", Respondent: "Kari", Role: "K", Areas: []string{"styring"}})
	// A new file, and no language given: it is asked first.
	if !screen.waitFor("Bokmål eller nynorsk?", 5*time.Second) {
		t.Fatalf("no language question on screen:\n%s", screen)
	}
	io.WriteString(keys, "\x1b[B\r") // down to «Nynorsk», Enter
	if !screen.waitFor("Har kommunen en plan?", 5*time.Second) {
		t.Fatalf("no question on screen:\n%s", screen)
	}
	if !screen.waitFor("enter vel", time.Second) {
		t.Errorf("key help not in nynorsk:\n%s", screen)
	}
	io.WriteString(keys, "\x1b[B\r") // down to «Planlagt (1)», Enter
	if !screen.waitFor("Svaret er lagra", 3*time.Second) {
		t.Errorf("not said in nynorsk that the answer is saved:\n%s", screen)
	}
	io.WriteString(keys, "halv kommen\x03") // Ctrl-C while commenting
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("still running:\n%s", screen)
	}
	var ee *cli.Error
	if !errors.As(err, &ee) || ee.Code != cli.ExitInterrupted || !strings.Contains(ee.Msg, "avbrote. Svara er lagra") {
		t.Fatalf("err = %v", err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte("\n  styring-plan:")) || !bytes.Contains(data, []byte("value: 1\n")) && !bytes.Contains(data, []byte("styring-plan: 1\n")) {
		t.Errorf("the chosen answer is not in the file:\n%s", data)
	}
	if !bytes.Contains(data, []byte("\nlanguage: nn\n")) {
		t.Errorf("the language chosen is not in the file:\n%s", data)
	}
}

// At 80×16 a question with a long help text keeps all its answers on the
// screen: the help is shortened, and says so.
func TestQuestionPageFitsSmallTerminal(t *testing.T) {
	e, err := questionnaires.Get(questionnaires.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	q := e.Questionnaire
	ar := &q.Areas[0]
	it := questionItem{Area: ar, AreaNum: 1, AreaCount: 1, Question: &ar.Questions[0], Num: 1, Count: len(ar.Questions)}
	if textRows(ar.Questions[0].Help.String(), 78) < 6 {
		t.Skip("the first question's help is short now")
	}
	for _, size := range [][2]int{{80, 16}, {80, 24}, {100, 20}} {
		f := buildQuestionForm(nb, q, it, nil, formOptions{width: size[0], height: size[1]})
		if n := f.need(size[0]); n > size[1] {
			t.Errorf("%v: page needs %d rows", size, n)
		}
	}
	f := buildQuestionForm(nb, q, it, nil, formOptions{width: 80, height: 16})
	g := f.page()
	if !strings.Contains(g.Content(), cutNote(nb)) {
		t.Errorf("no sign that the help is cut:\n%s", g.Content())
	}
	// Unknown size: nothing is cut.
	if f := buildQuestionForm(nb, q, it, nil, formOptions{}); strings.Contains(f.page().Content(), cutNote(nb)) {
		t.Error("cut without a terminal size")
	}
}

// A page still taller than the terminal says that more follows.
func TestPageModelSaysMoreFollows(t *testing.T) {
	for _, tt := range []struct {
		need int
		want bool
	}{{30, true}, {16, false}} {
		more := nb.T("assess-page-more")
		m := &pageModel{form: huh.NewForm(huh.NewGroup(huh.NewSelect[string]().Options(huh.NewOptions("a", "b")...))), need: func(int) int { return tt.need }, more: more}
		m.Init()
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 16})
		if got := strings.HasSuffix(m.View(), more); got != tt.want {
			t.Errorf("need %d in 16 rows: note %v\n%s", tt.need, got, m.View())
		}
	}
}

func TestFitText(t *testing.T) {
	long := strings.Repeat("ord ", 60)
	if got := fitText(long, cutNote(nb), 40, 3); strings.Count(got, "\n") != 2 || !strings.HasSuffix(got, cutNote(nb)) {
		t.Errorf("fitText = %q", got)
	}
	if got := fitText("kort", cutNote(nb), 40, 3); got != "kort" {
		t.Errorf("short text changed: %q", got)
	}
	if got := fitText(long, cutNote(nb), 40, 0); got != "" {
		t.Errorf("no room: %q", got)
	}
}

// The answer in the file is named among the options in words, not by
// bold or colour alone; accessible mode says it on a line of its own.
func TestCurrentAnswerMarked(t *testing.T) {
	q := miniQuestionnaire(t)
	prev := &assessment.Answer{Scalar: "3", Tag: "!!int"}
	it := itemFor(t, q, "styring-plan")
	var marked []string
	for _, k := range optionKeys(buildQuestionForm(nb, q, it, prev, formOptions{}).options) {
		if strings.HasSuffix(k, nb.T("assess-current-mark")) {
			marked = append(marked, k)
		}
	}
	if len(marked) != 1 || !strings.HasPrefix(marked[0], "Etablert") {
		t.Errorf("marked %q", marked)
	}
	if lines := strings.Join(newQuestionForm(nn, q, it, prev).lines(), "\n"); !strings.Contains(lines, "Svaret no: Etablert (3).") {
		t.Errorf("accessible lines:\n%s", lines)
	}
	if th := assessTheme(); strings.TrimSpace(th.Blurred.SelectSelector.String()) == "" || strings.TrimSpace(th.Focused.SelectSelector.String()) == "" {
		t.Error("the chosen option has no mark of its own shape")
	}
}
