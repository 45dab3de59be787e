package batch

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"
)

// Progress is shown once a batch has run this long.
const (
	progressAfter = time.Second
	progressWidth = 79 // columns the line may take
)

// progress is the line on stderr that says how far a batch has come: files
// done of the total, and the file now waited for. It is shown only when
// stderr is a terminal and the batch has run for a second, and it is
// erased before each file's own output, which therefore never lands in
// the middle of it, and when the batch ends.
type progress struct {
	s      *cli.Streams
	now    func() time.Time
	total  int
	start  time.Time
	active bool // the batch has run long enough
	shown  bool // the line is on the screen
}

func newProgress(s *cli.Streams, total int) *progress {
	now := s.Clock
	if now == nil {
		now = time.Now
	}
	return &progress{s: s, now: now, total: total, start: now()}
}

// clear erases the line, if shown.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.s.Err, "\r\x1b[K")
		p.shown = false
	}
}

// update shows that done files are finished and current is next.
func (p *progress) update(done int, current string) {
	if !p.s.ErrTTY || done >= p.total {
		return
	}
	if !p.active {
		if p.now().Sub(p.start) < progressAfter {
			return
		}
		p.active = true
	}
	line := "sirkel: " + p.s.Printer().T("batch-progress", "Done", done, "Count", p.total) + " – "
	room := progressWidth - utf8.RuneCountInString(line)
	if n := utf8.RuneCountInString(current); n > room {
		r := []rune(current)
		current = "…" + string(r[n-room+1:])
	}
	fmt.Fprint(p.s.Err, "\r\x1b[K"+line+current)
	p.shown = true
}
