// Package lock guards a read–modify–write of a file with a lock file
// beside it («.svar-3440.yaml.lock»), made with create-exclusive, which
// holds on network drives where flock does not. A lock names its holder
// (PID, host, who, since when); it is stale when its holder has not
// refreshed it for a while, or when the holder's process no longer runs on
// this host, and a stale lock is taken over.
package lock

import (
	"bufio"
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sirkel/sirkel/assessment/lang"
)

// Defaults for Options.
const (
	DefaultWait  = 3 * time.Second
	DefaultStale = 30 * time.Second
)

// Info is what a lock file says about its holder.
type Info struct {
	PID   int
	Host  string
	Who   string    // a person or a command, for messages
	Since time.Time // when the lock was taken
	Token string    // tells two holders in one process apart
	// Known is false when the file could not be read (it is being written,
	// or is not a lock file of ours).
	Known bool
}

// String names the holder in bokmål: «Kari (sirkel assess, prosess 42 på
// pc-17, siden 12:03:05)».
func (i Info) String() string { return i.Localize(lang.For(lang.NB)) }

// Localize names the holder in p's language; as a placeholder it renders
// itself.
func (i Info) Localize(p *lang.Printer) string {
	if !i.Known {
		return p.T("lock-other-process")
	}
	var parts []string
	if i.PID > 0 {
		part := p.T("lock-process", "PID", i.PID)
		if i.Host != "" {
			part = p.T("lock-process-on", "PID", i.PID, "Host", i.Host)
		}
		parts = append(parts, part)
	}
	if !i.Since.IsZero() {
		parts = append(parts, p.T("lock-since", "Time", i.Since.Local().Format("15:04:05")))
	}
	who := i.Who
	if who == "" {
		who = p.T("lock-other-process")
	}
	if len(parts) == 0 {
		return who
	}
	return who + " (" + strings.Join(parts, ", ") + ")"
}

// BusyError is returned when the lock stayed taken for the whole wait.
type BusyError struct {
	Path   string // the file the lock guards
	Holder Info
}

// Error says it in bokmål.
func (e *BusyError) Error() string { return e.Localize(lang.For(lang.NB)) }

// Localize says who has the file, in p's language.
func (e *BusyError) Localize(p *lang.Printer) string {
	return p.T("lock-busy", "File", e.Path, "Holder", e.Holder)
}

// Options tune Acquire.
type Options struct {
	Who   string        // names this holder to others
	Wait  time.Duration // how long to wait for a taken lock; DefaultWait when 0
	Stale time.Duration // a lock not refreshed for this long is stale; DefaultStale when 0
	// OnTakeOver is told of a stale lock before it is taken over.
	OnTakeOver func(stale Info)
}

// Lock is a held lock; Release it when done.
type Lock struct {
	path  string // the lock file
	token string
	stop  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once
}

// Path is the lock file for file: a hidden file beside it.
func Path(file string) string {
	return filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".lock")
}

var (
	hostOnce sync.Once
	hostName string
)

func host() string {
	hostOnce.Do(func() { hostName, _ = os.Hostname() })
	return hostName
}

// Acquire takes the lock for file, waiting up to opt.Wait while another
// holder has it (then *BusyError), taking over a stale lock. It returns
// ctx's error when ctx ends first, and an error when the lock file cannot
// be made at all (a missing folder, no write access).
func Acquire(ctx context.Context, file string, opt Options) (*Lock, error) {
	if opt.Wait <= 0 {
		opt.Wait = DefaultWait
	}
	if opt.Stale <= 0 {
		opt.Stale = DefaultStale
	}
	path := Path(file)
	token := newToken()
	deadline := time.Now().Add(opt.Wait)
	for {
		err := create(path, opt.Who, token)
		if err == nil {
			l := &Lock{path: path, token: token, stop: make(chan struct{})}
			l.wg.Add(1)
			go l.refresh(opt.Stale / 3)
			return l, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, err
		}
		holder, mtime, err := read(path)
		if errors.Is(err, os.ErrNotExist) {
			continue // released meanwhile
		}
		if err == nil && stale(holder, mtime, opt.Stale) {
			if takeOver(path, holder) && opt.OnTakeOver != nil {
				opt.OnTakeOver(holder)
			}
			continue
		}
		if time.Now().After(deadline) {
			return nil, &BusyError{Path: file, Holder: holder}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(20+rand.IntN(40)) * time.Millisecond):
		}
	}
}

// Held reports whether the lock file is still this holder's: a holder that
// was taken over (it stalled past the stale time) must not write.
func (l *Lock) Held() bool {
	i, _, err := read(l.path)
	return err == nil && i.Token == l.token
}

// Release removes the lock file if it is still this holder's.
func (l *Lock) Release() {
	if l == nil {
		return
	}
	l.once.Do(func() {
		close(l.stop)
		l.wg.Wait()
		if l.Held() {
			_ = os.Remove(l.path)
		}
	})
}

// refresh touches the lock file while it is held, so that a long hold is
// not taken for a stale one.
func (l *Lock) refresh(every time.Duration) {
	defer l.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			if !l.Held() {
				return
			}
			now := time.Now()
			_ = os.Chtimes(l.path, now, now)
		}
	}
}

func newToken() string {
	b := make([]byte, 8)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}

// create makes the lock file exclusively and writes the holder into it.
func create(path, who, token string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	who = strings.NewReplacer("\n", " ", "\r", " ").Replace(who)
	_, werr := fmt.Fprintf(f, "pid: %d\nhost: %s\nwho: %s\nsince: %s\ntoken: %s\n",
		os.Getpid(), host(), who, time.Now().UTC().Format(time.RFC3339), token)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		return werr
	}
	return nil
}

// read parses a lock file; a file it cannot make sense of gives an Info
// that is not Known, judged by its age alone.
func read(path string) (Info, time.Time, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Info{}, time.Time{}, err
	}
	var i Info
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ": ")
		if !ok {
			continue
		}
		switch k {
		case "pid":
			i.PID, _ = strconv.Atoi(v)
		case "host":
			i.Host = v
		case "who":
			i.Who = v
		case "since":
			i.Since, _ = time.Parse(time.RFC3339, v)
		case "token":
			i.Token = v
		}
	}
	i.Known = i.PID > 0 && i.Token != ""
	return i, st.ModTime(), nil
}

// stale reports whether a lock is no longer held: not refreshed for too
// long, or its process is gone from this host.
func stale(i Info, mtime time.Time, after time.Duration) bool {
	if time.Since(mtime) > after {
		return true
	}
	return i.Known && i.Host == host() && i.PID != os.Getpid() && !alive(i.PID)
}

// takeOver removes a stale lock file, unless another process has replaced
// it meanwhile: the file is moved aside first and put back if it turns out
// to be a new holder's. It reports whether it removed the stale lock.
func takeOver(path string, was Info) bool {
	aside := path + "." + newToken()
	if err := os.Rename(path, aside); err != nil {
		return false
	}
	now, _, err := read(aside)
	if err == nil && now.Token != was.Token {
		// A fresh lock: give it back. Should a third holder have come in
		// the meantime, the one moved aside finds out through Held.
		_ = os.Link(aside, path)
		_ = os.Remove(aside)
		return false
	}
	_ = os.Remove(aside)
	return true
}
