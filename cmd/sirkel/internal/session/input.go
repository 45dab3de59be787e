package session

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"sync/atomic"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/term"
)

// lineReader hands out its input one line per Read. huh's accessible mode
// makes a new bufio.Scanner for every prompt, and a scanner reads ahead as
// far as it can: without this, the first prompt would swallow all piped
// input and the later ones would silently keep their defaults.
//
// It also remembers when the input has ended, because a huh prompt at end
// of input returns its default as if it had been answered.
type lineReader struct {
	r    *bufio.Reader
	line []byte
	eof  atomic.Bool
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReader(r)}
}

func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.line) == 0 {
		line, err := l.r.ReadBytes('\n')
		if len(line) == 0 {
			l.eof.Store(true)
			if err == nil {
				err = io.EOF
			}
			return 0, err
		}
		// A last line without a newline is still a whole answer: end it,
		// so that the scanner does not read on into the end of input.
		if line[len(line)-1] != '\n' {
			line = append(line, '\n')
		}
		l.line = line
	}
	n := copy(p, l.line)
	l.line = l.line[n:]
	return n, nil
}

// EOF reports whether a prompt has met the end of input.
func (l *lineReader) EOF() bool { return l.eof.Load() }

// Why a session stops before it is done.
var (
	errInterrupted = errors.New("avbrutt")           // Ctrl-C or SIGINT
	errEndOfInput  = errors.New("inndata tok slutt") // accessible mode: EOF
)

// prompter runs huh forms, one small form at a time, in the terminal UI or
// in accessible mode.
type prompter struct {
	ctx        context.Context
	accessible bool
	in         *lineReader // accessible mode
	tty        io.Reader   // terminal UI
	out        io.Writer   // stderr: stdout stays clean
}

func newPrompter(ctx context.Context, s *cli.Streams, accessible bool) *prompter {
	p := &prompter{ctx: ctx, accessible: accessible, tty: s.In, out: s.Err}
	if accessible {
		p.in = newLineReader(s.In)
	}
	return p
}

// atEOF is for validators (see formOptions); nil in the terminal UI.
func (p *prompter) atEOF() func() bool {
	if !p.accessible {
		return nil
	}
	return p.in.EOF
}

// run shows one form. It returns errInterrupted on Ctrl-C or SIGINT and, in
// accessible mode, errEndOfInput when the input ended before the form was
// filled in; the form's values must then not be used.
func (p *prompter) run(groups ...*huh.Group) error {
	return p.runWithKeys(assessKeyMap(), groups...)
}

// runWithKeys is run with a key map made for the form (terminal UI only).
func (p *prompter) runWithKeys(keys *huh.KeyMap, groups ...*huh.Group) error {
	form := huh.NewForm(groups...)
	if p.accessible {
		form = form.WithAccessible(true).WithInput(p.in).WithOutput(p.out).WithTheme(huh.ThemeBase())
		// huh reads without a context: run it aside so that a SIGINT is
		// noticed while it waits for a line.
		done := make(chan error, 1)
		go func() { done <- form.Run() }()
		select {
		case err := <-done:
			if err != nil {
				return err
			}
			if p.in.EOF() {
				return errEndOfInput
			}
			return nil
		case <-p.ctx.Done():
			return errInterrupted
		}
	}
	form = form.
		WithProgramOptions(tea.WithInput(p.tty), tea.WithOutput(p.out)).
		WithTheme(assessTheme()).
		WithKeyMap(keys).
		WithShowHelp(true)
	err := form.RunWithContext(p.ctx)
	if p.ctx.Err() != nil || errors.Is(err, huh.ErrUserAborted) {
		return errInterrupted
	}
	return err
}

// runPage shows one page of questions. huh cuts a page that is taller
// than the terminal without a sign; need, the page's full height at a
// width, lets a line of its own say that more follows.
func (p *prompter) runPage(g *huh.Group, need func(width int) int) error {
	if p.accessible || need == nil {
		return p.run(g)
	}
	form := huh.NewForm(g).WithTheme(assessTheme()).WithKeyMap(assessKeyMap()).WithShowHelp(true)
	form.SubmitCmd, form.CancelCmd = tea.Quit, tea.Quit
	_, err := tea.NewProgram(&pageModel{form: form, need: need},
		tea.WithInput(p.tty), tea.WithOutput(p.out), tea.WithContext(p.ctx)).Run()
	if p.ctx.Err() != nil || form.State == huh.StateAborted || errors.Is(err, tea.ErrInterrupted) {
		return errInterrupted
	}
	return err
}

// moreNote is the last line of a page cut by the terminal's height.
const moreNote = "↓ Mer enn det som vises: bla med ↑/↓, eller gjør vinduet høyere."

// pageModel is a huh form that keeps a line free for moreNote when the
// page does not fit.
type pageModel struct {
	form *huh.Form
	need func(width int) int
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
	return v + "\n" + moreNote
}

// termSize is the terminal's size, when the terminal UI runs in one.
func (p *prompter) termSize() (width, height int) {
	f, ok := p.out.(*os.File)
	if !ok {
		return 0, 0
	}
	w, h, err := term.GetSize(f.Fd())
	if err != nil {
		return 0, 0
	}
	return w, h
}
