package session

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/term"
)

// Why a session stops before it is done. They are never shown: stopped
// says it in the session's language.
var (
	errInterrupted = errors.New("interrupted")  // Ctrl-C or SIGINT
	errEndOfInput  = errors.New("end of input") // accessible mode: EOF
)

// lineReader reads the input one line at a time, and only when a prompt
// asks for one: what follows stays unread for the next prompt. A read
// waits aside, so that Ctrl-C (a cancelled context) is noticed while a
// prompt waits for its line.
type lineReader struct {
	r       *bufio.Reader
	pending chan lineRead // a read under way
	eof     bool
}

type lineRead struct {
	line string
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReader(r)}
}

// read returns the next line without its line ending; errEndOfInput once
// the input has ended (a last line without a newline is still a line), and
// errInterrupted when ctx ends first.
func (l *lineReader) read(ctx context.Context) (string, error) {
	if l.eof {
		return "", errEndOfInput
	}
	if l.pending == nil {
		ch := make(chan lineRead, 1)
		l.pending = ch
		go func() {
			s, err := l.r.ReadString('\n')
			if s != "" {
				err = nil
			}
			ch <- lineRead{s, err}
		}()
	}
	select {
	case res := <-l.pending:
		l.pending = nil
		if res.err != nil {
			l.eof = true
			return "", errEndOfInput
		}
		return strings.TrimRight(res.line, "\r\n"), nil
	case <-ctx.Done():
		return "", errInterrupted
	}
}

// prompter asks: in the full-screen form (huh), or in accessible mode as
// plain lines, one prompt and one typed line at a time, in the session's
// language.
type prompter struct {
	ctx        context.Context
	accessible bool
	p          *lang.Printer
	in         *lineReader // accessible mode
	echo       bool        // accessible mode: the input is no terminal, which would echo it
	tty        io.Reader   // terminal UI
	out        io.Writer   // stderr: stdout stays clean
}

func newPrompter(ctx context.Context, s *cli.Streams, accessible bool, p *lang.Printer) *prompter {
	pr := &prompter{ctx: ctx, accessible: accessible, p: p, tty: s.In, out: s.Err}
	if accessible {
		pr.in = newLineReader(s.In)
		pr.echo = !s.InTTY
	}
	return pr
}

// say prints lines (accessible mode).
func (pr *prompter) say(lines ...string) {
	for _, l := range lines {
		fmt.Fprintln(pr.out, l)
	}
}

// line prints a prompt and reads the line typed after it. Piped input is
// echoed, so that the transcript reads as a terminal's would.
func (pr *prompter) line(prompt string) (string, error) {
	fmt.Fprint(pr.out, prompt+" ")
	s, err := pr.in.read(pr.ctx)
	switch {
	case err != nil:
		fmt.Fprintln(pr.out)
		return "", err
	case pr.echo:
		fmt.Fprintln(pr.out, s)
	}
	return s, nil
}

// ask prompts until accept takes the line typed, saying in the session's
// language why a line was not taken. It returns errEndOfInput when the
// input ends first: nothing more can be asked, so the sitting stops.
func (pr *prompter) ask(prompt string, accept func(string) error) error {
	for {
		s, err := pr.line(prompt)
		if err != nil {
			return err
		}
		err = accept(s)
		if err == nil {
			return nil
		}
		pr.say(pr.p.T("assess-line-invalid", "Why", errorText(pr.p, err)))
	}
}

// errorText renders an error in p's language when it is a catalogue
// message.
func errorText(p *lang.Printer, err error) string {
	var le *lang.Error
	if errors.As(err, &le) {
		return le.Msg.In(p)
	}
	return err.Error()
}

// run shows one form in the terminal UI. It returns errInterrupted on
// Ctrl-C or SIGINT.
func (pr *prompter) run(groups ...*huh.Group) error {
	return pr.runWithKeys(assessKeyMap(pr.p), groups...)
}

// runWithKeys is run with a key map made for the form.
func (pr *prompter) runWithKeys(keys *huh.KeyMap, groups ...*huh.Group) error {
	form := huh.NewForm(groups...).
		WithProgramOptions(tea.WithInput(pr.tty), tea.WithOutput(pr.out)).
		WithTheme(assessTheme()).
		WithKeyMap(keys).
		WithShowHelp(true)
	err := form.RunWithContext(pr.ctx)
	if pr.ctx.Err() != nil || errors.Is(err, huh.ErrUserAborted) {
		return errInterrupted
	}
	return err
}

// runPage shows one page of questions. huh cuts a page that is taller
// than the terminal without a sign; need, the page's full height at a
// width, lets a line of its own say that more follows.
func (pr *prompter) runPage(g *huh.Group, need func(width int) int) error {
	if need == nil {
		return pr.run(g)
	}
	form := huh.NewForm(g).WithTheme(assessTheme()).WithKeyMap(assessKeyMap(pr.p)).WithShowHelp(true)
	form.SubmitCmd, form.CancelCmd = tea.Quit, tea.Quit
	_, err := tea.NewProgram(&pageModel{form: form, need: need, more: pr.p.T("assess-page-more")},
		tea.WithInput(pr.tty), tea.WithOutput(pr.out), tea.WithContext(pr.ctx)).Run()
	if pr.ctx.Err() != nil || form.State == huh.StateAborted || errors.Is(err, tea.ErrInterrupted) {
		return errInterrupted
	}
	return err
}

// pageModel is a huh form that keeps a line free for a note (more) when
// the page does not fit.
type pageModel struct {
	form *huh.Form
	need func(width int) int
	more string
	cut  bool
}

func (m *pageModel) Init() tea.Cmd { return m.form.Init() }

func (m *pageModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.cut = m.need(ws.Width) > ws.Height
		if m.cut {
			ws.Height--
		}
		msg = ws
	}
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	return m, cmd
}

func (m *pageModel) View() string {
	v := m.form.View()
	if !m.cut || m.form.State != huh.StateNormal {
		return v
	}
	return v + "\n" + m.more
}

// termSize is the terminal's size, when the terminal UI runs in one.
func (pr *prompter) termSize() (width, height int) {
	f, ok := pr.out.(*os.File)
	if !ok {
		return 0, 0
	}
	w, h, err := term.GetSize(f.Fd())
	if err != nil {
		return 0, 0
	}
	return w, h
}
