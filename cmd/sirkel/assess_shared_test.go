package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/batch"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/lock"
)

const miniQ = "../../testdata/mini-questionnaire.yaml"

// sitting is one «sirkel assess» in accessible mode in this process, fed
// its answers line by line.
type sitting struct {
	t    *testing.T
	name string
	in   *io.PipeWriter
	errw *watchBuffer
	done chan int
}

func startSitting(t *testing.T, name string, args ...string) *sitting {
	t.Helper()
	pr, pw := io.Pipe()
	s, _, errw := testStreams(pr)
	st := &sitting{t: t, name: name, in: pw, errw: errw, done: make(chan int, 1)}
	go func() { st.done <- run(append([]string{"assess"}, args...), s) }()
	t.Cleanup(func() { pw.Close() })
	return st
}

// at waits until the sitting has printed s.
func (st *sitting) at(s string) {
	st.t.Helper()
	select {
	case <-st.errw.waitFor(s):
	case <-time.After(20 * time.Second):
		st.t.Fatalf("%s never printed %q:\n%s", st.name, s, st.errw)
	}
}

func (st *sitting) say(lines string) {
	st.t.Helper()
	if _, err := io.WriteString(st.in, lines); err != nil {
		st.t.Fatal(err)
	}
}

// end closes the input and returns the exit code.
func (st *sitting) end() int {
	st.t.Helper()
	st.in.Close()
	select {
	case code := <-st.done:
		return code
	case <-time.After(20 * time.Second):
		st.t.Fatalf("%s did not stop:\n%s", st.name, st.errw)
		return -1
	}
}

func miniQuestionnaire(t *testing.T) *assessment.Questionnaire {
	t.Helper()
	q, err := batch.NewSource(miniQ, nil).Fixed()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// startStyring starts a sitting on the styring area of the mini
// questionnaire and waits for its first question.
func startStyring(t *testing.T, who, path string) *sitting {
	t.Helper()
	st := startSitting(t, who, path, "-q", miniQ, "-m", "3440", "--respondent", who, "--role", "K", "--area", "styring")
	st.at("spørsmål 1 av 3")
	return st
}

// firstAnswerGiven is a sitting on a new file that has answered its first
// question (Etablert) and waits at the second.
func firstAnswerGiven(t *testing.T) (*assessment.Questionnaire, string, *sitting) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "svar.yaml")
	a := startStyring(t, "Kari", path)
	a.say("3\n\n\n")
	a.at("spørsmål 2 av 3")
	return miniQuestionnaire(t), path, a
}

func noLockLeft(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(lock.Path(path)); !os.IsNotExist(err) {
		t.Errorf("lock file left behind: %v", err)
	}
}

// answerOf is a question's answer in the file, as Label shows it.
func answerOf(t *testing.T, c *assessment.Checked, id string) string {
	t.Helper()
	qu, _, ok := c.Questionnaire.Question(id)
	if !ok {
		t.Fatalf("no question %s", id)
	}
	return assessment.LabelIn(lang.For(lang.NB), c.Questionnaire, qu, c.Value(qu))
}

// Two colleagues on one file, one per area, answering in turn: every
// answer of both is in the file, with who gave it.
func TestAssessTwoSittingsOneFile(t *testing.T) {
	q := miniQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "svar-3440.yaml")
	a := startSitting(t, "Kari", path, "-q", miniQ, "-m", "3440", "--respondent", "Kari", "--role", "Klima", "--area", "styring")
	a.at("spørsmål 1 av 3")
	b := startSitting(t, "Per", path, "-q", miniQ, "-m", "3440", "--respondent", "Per", "--role", "Bygg", "--area", "bygg")
	b.at("spørsmål 1 av 3")
	steps := []struct {
		st    *sitting
		lines string
		next  string
	}{
		{a, "3\nVedtatt\n\n", "spørsmål 2 av 3"},
		{b, "12,5\n\nmåling 2025\n", "spørsmål 2 av 3"},
		{a, "j\n\n\n", "spørsmål 3 av 3"},
		{b, "1 2\n\n\n", "spørsmål 3 av 3"},
		{b, "2\n\n\n", "Ferdig."},
		{a, "Alt er sagt\n\n\n", "Ferdig."},
	}
	for _, s := range steps {
		s.st.say(s.lines)
		s.st.at(s.next)
	}
	if code := a.end(); code != 0 {
		t.Fatalf("Kari: exit %d\n%s", code, a.errw)
	}
	if code := b.end(); code != 0 {
		t.Fatalf("Per: exit %d\n%s", code, b.errw)
	}
	c := loadChecked(t, path, q)
	want := map[string]string{
		"styring-plan": "Etablert (3)", "styring-budsjett": "Ja", "styring-merknad": "Alt er sagt",
		"bygg-ombruk": "12,5 %", "bygg-krav": "Ombrukskartlegging; Livssykluskostnader", "bygg-rolle": "Pådriver",
	}
	for id, w := range want {
		if got := answerOf(t, c, id); got != w {
			t.Errorf("%s = %q, want %q", id, got, w)
		}
	}
	for id, who := range map[string]string{"styring-plan": "Kari", "bygg-rolle": "Per"} {
		if ans, _ := c.Answers.Answers.Get(id); ans.By != who {
			t.Errorf("%s by %q, want %s", id, ans.By, who)
		}
	}
	if ans, _ := c.Answers.Answers.Get("bygg-ombruk"); len(ans.Evidence) != 1 || ans.Evidence[0] != "måling 2025" {
		t.Errorf("bygg-ombruk evidence %q", ans.Evidence)
	}
	if ans, _ := c.Answers.Answers.Get("styring-plan"); ans.Comment != "Vedtatt" {
		t.Errorf("styring-plan comment %q", ans.Comment)
	}
	if len(c.Answers.Respondents) != 2 {
		t.Errorf("respondents %+v", c.Answers.Respondents)
	}
	noLockLeft(t, path)
}

// An edit made by hand while assess runs is kept by its next save.
func TestAssessKeepsHandEdit(t *testing.T) {
	q, path, a := firstAnswerGiven(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "  # bygg-ombruk:\n", "  bygg-ombruk: 20 # målt i fjor\n", 1)
	edited = strings.Replace(edited, "    value: 3\n", "    value: 3\n    comment: Vedtatt i juni\n", 1)
	if edited == string(data) {
		t.Fatalf("nothing edited in\n%s", data)
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	a.say("n\n\n\n")
	a.at("spørsmål 3 av 3")
	if code := a.end(); code != cli.ExitInterrupted {
		t.Fatalf("exit %d\n%s", code, a.errw)
	}
	c := loadChecked(t, path, q)
	if got := answerOf(t, c, "bygg-ombruk"); got != "20 %" {
		t.Errorf("bygg-ombruk = %q: the hand edit is lost", got)
	}
	if ans, _ := c.Answers.Answers.Get("bygg-ombruk"); ans.Note != "# målt i fjor" {
		t.Errorf("note %q", ans.Note)
	}
	if ans, _ := c.Answers.Answers.Get("styring-plan"); ans.Comment != "Vedtatt i juni" {
		t.Errorf("styring-plan comment %q", ans.Comment)
	}
	if got := answerOf(t, c, "styring-budsjett"); got != "Nei" {
		t.Errorf("styring-budsjett = %q", got)
	}
}

// Both answer one question differently: the later answer wins, the earlier
// is kept in the comment, and the later sitting is told.
func TestAssessSameQuestionConflict(t *testing.T) {
	q := miniQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "svar.yaml")
	a := startStyring(t, "Kari", path)
	b := startStyring(t, "Per", path)
	a.say("2\nMener vi har startet\n\n")
	a.at("spørsmål 2 av 3")
	b.say("3\n")
	b.at("Kari (i en annen økt) hadde allerede svart Påbegynt (2) på styring-plan; ditt svar er lagret, det forrige står i kommentaren.")
	b.say("Sjekket med rådmannen\n\n")
	b.at("spørsmål 2 av 3")
	a.end()
	b.end()
	c := loadChecked(t, path, q)
	if got := answerOf(t, c, "styring-plan"); got != "Etablert (3)" {
		t.Errorf("styring-plan = %q, want the later answer", got)
	}
	ans, _ := c.Answers.Answers.Get("styring-plan")
	if want := "Sjekket med rådmannen\nTidligere svar fra en annen økt (Kari): Påbegynt (2), med kommentaren «Mener vi har startet»"; ans.Comment != want {
		t.Errorf("comment %q, want %q", ans.Comment, want)
	}
	if ans.By != "Per" {
		t.Errorf("by %q", ans.By)
	}
}

// A lock left by a process that was killed is taken over, with a notice,
// and the answers are saved.
func TestAssessTakesOverStaleLock(t *testing.T) {
	q := miniQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "svar.yaml")
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	stale := "pid: " + strconv.Itoa(dead.Process.Pid) + "\nhost: " + host + "\nwho: Per, sirkel assess\nsince: 2026-11-20T08:00:00Z\ntoken: borte\n"
	if err := os.WriteFile(lock.Path(path), []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _, errw := testStreams(strings.NewReader("3\n\n\n"))
	code := run([]string{"assess", path, "-q", miniQ, "-m", "3440", "--respondent", "Kari", "--role", "K", "--area", "styring"}, s)
	if code != cli.ExitInterrupted {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	if !strings.Contains(errw.String(), "Tok over låsen på "+path+" fra Per, sirkel assess (prosess "+strconv.Itoa(dead.Process.Pid)+" på "+host) {
		t.Errorf("no take-over notice:\n%s", errw)
	}
	if got := answerOf(t, loadChecked(t, path, q), "styring-plan"); got != "Etablert (3)" {
		t.Errorf("styring-plan = %q", got)
	}
	noLockLeft(t, path)
}

// While another holds the lock, a save says who has the file and waits;
// it saves once the lock is free, never before.
func TestAssessWaitsForLock(t *testing.T) {
	q := miniQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "svar.yaml")
	a := startStyring(t, "Kari", path)
	held, err := lock.Acquire(context.Background(), path, lock.Options{Who: "Per, sirkel merge"})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	a.say("3\n\n\n")
	a.at("svar.yaml er i bruk av Per, sirkel merge (prosess ")
	a.at("; prøver igjen")
	if now, _ := os.ReadFile(path); string(now) != string(before) {
		t.Error("written without the lock")
	}
	held.Release()
	a.at("spørsmål 2 av 3")
	a.end()
	if got := answerOf(t, loadChecked(t, path, q), "styring-plan"); got != "Etablert (3)" {
		t.Errorf("styring-plan = %q", got)
	}
}

// A file that no longer parses is not overwritten; the answer waits in
// memory and is saved once the file is mended.
func TestAssessBrokenFileNotOverwritten(t *testing.T) {
	q, path, a := firstAnswerGiven(t)
	good, _ := os.ReadFile(path)
	broken := strings.Replace(string(good), "answers:", "answers: [", 1)
	os.WriteFile(path, []byte(broken), 0o644)
	a.say("j\n\n\n")
	a.at("blir ikke overskrevet")
	a.at("Svaret på styring-budsjett er ikke lagret ennå: ja.")
	if now, _ := os.ReadFile(path); string(now) != broken {
		t.Error("the broken file was overwritten")
	}
	os.WriteFile(path, good, 0o644)
	a.at("spørsmål 3 av 3")
	a.say("Alt er sagt\n\n\n")
	a.at("Ferdig.")
	if code := a.end(); code != 0 {
		t.Fatalf("exit %d\n%s", code, a.errw)
	}
	c := loadChecked(t, path, q)
	if got := answerOf(t, c, "styring-budsjett"); got != "Ja" {
		t.Errorf("styring-budsjett = %q: the answer kept in memory is lost", got)
	}
}

// merge onto a file that a sitting holds waits briefly, then refuses and
// writes nothing.
func TestMergeRefusesLockedOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "svar.yaml")
	held, err := lock.Acquire(context.Background(), out, lock.Options{Who: "Kari, sirkel assess"})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	s, _, errw := testStreams(strings.NewReader(""))
	code := run([]string{"merge", "../../testdata/oyer-3440.yaml", "-o", out}, s)
	if code != cli.ExitInvalid {
		t.Fatalf("exit %d\n%s", code, errw)
	}
	if !strings.Contains(errw.String(), out+" er i bruk av Kari, sirkel assess (prosess ") || !strings.Contains(errw.String(), "ingenting er skrevet") {
		t.Errorf("message:\n%s", errw)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("merge wrote %s", out)
	}
}
