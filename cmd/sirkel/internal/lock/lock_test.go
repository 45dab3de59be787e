package lock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func writeLock(t *testing.T, file string, pid int, hostName string, age time.Duration) {
	t.Helper()
	p := Path(file)
	body := fmt.Sprintf("pid: %d\nhost: %s\nwho: Per (sirkel assess)\nsince: %s\ntoken: gammel\n", pid, hostName, time.Now().Add(-age).UTC().Format(time.RFC3339))
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-age)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
}

// deadPID is the PID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// acquire takes the lock on a new file in a temporary folder.
func acquire(t *testing.T) (file string, l *Lock) {
	t.Helper()
	file = filepath.Join(t.TempDir(), "svar.yaml")
	l, err := Acquire(context.Background(), file, Options{Who: "Kari"})
	if err != nil {
		t.Fatal(err)
	}
	return file, l
}

func TestPath(t *testing.T) {
	if got := Path(filepath.Join("a", "svar-3440.yaml")); got != filepath.Join("a", ".svar-3440.yaml.lock") {
		t.Errorf("Path = %s", got)
	}
}

func TestAcquireRelease(t *testing.T) {
	file, l := acquire(t)
	data, _ := os.ReadFile(Path(file))
	for _, want := range []string{fmt.Sprintf("pid: %d\n", os.Getpid()), "who: Kari\n", "host: ", "since: ", "token: "} {
		if !strings.Contains(string(data), want) {
			t.Errorf("lock file lacks %q:\n%s", want, data)
		}
	}
	if !l.Held() {
		t.Error("not held")
	}
	// A second holder in the same process waits, then is told who holds it.
	start := time.Now()
	_, err := Acquire(context.Background(), file, Options{Who: "Per", Wait: 200 * time.Millisecond})
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Holder.Who != "Kari" || time.Since(start) < 200*time.Millisecond {
		t.Fatalf("second Acquire: %v after %v", err, time.Since(start))
	}
	if msg := busy.Error(); !strings.Contains(msg, "er i bruk av Kari (prosess ") {
		t.Errorf("message %q", msg)
	}
	l.Release()
	l.Release() // twice is harmless
	if _, err := os.Stat(Path(file)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left: %v", err)
	}
}

func TestAcquireCancelled(t *testing.T) {
	file, l := acquire(t)
	defer l.Release()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := Acquire(ctx, file, Options{Wait: time.Minute}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}

// A lock left by a process that has died on this host, or one not
// refreshed for longer than the stale time, is taken over with a notice.
func TestStaleLockTakenOver(t *testing.T) {
	host, _ := os.Hostname()
	for name, setup := range map[string]func(t *testing.T, file string){
		"dead PID": func(t *testing.T, file string) { writeLock(t, file, deadPID(t), host, 0) },
		"old":      func(t *testing.T, file string) { writeLock(t, file, os.Getpid(), "en-annen-maskin", time.Hour) },
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "svar.yaml")
			setup(t, file)
			var told []Info
			l, err := Acquire(context.Background(), file, Options{Wait: time.Second, OnTakeOver: func(i Info) { told = append(told, i) }})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Release()
			if len(told) != 1 || told[0].Who != "Per (sirkel assess)" {
				t.Errorf("told %+v", told)
			}
			if !l.Held() {
				t.Error("not held after take-over")
			}
		})
	}
}

// A live holder on another host, refreshed recently, is not stale.
func TestLiveLockNotTakenOver(t *testing.T) {
	file := filepath.Join(t.TempDir(), "svar.yaml")
	writeLock(t, file, 1, "en-annen-maskin", 0)
	_, err := Acquire(context.Background(), file, Options{Wait: 100 * time.Millisecond, OnTakeOver: func(Info) { t.Error("taken over") }})
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Holder.Host != "en-annen-maskin" {
		t.Errorf("err = %v", err)
	}
}

// A holder that was taken over does not remove the new holder's lock.
func TestReleaseAfterTakeOver(t *testing.T) {
	file, l := acquire(t)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(Path(file), old, old)
	l2, err := Acquire(context.Background(), file, Options{Wait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if l.Held() || !l2.Held() {
		t.Errorf("held: first %v, second %v", l.Held(), l2.Held())
	}
	l.Release()
	if !l2.Held() {
		t.Error("first Release removed the second holder's lock")
	}
	l2.Release()
}

// Many holders in turn: never two at once.
func TestMutualExclusion(t *testing.T) {
	file := filepath.Join(t.TempDir(), "svar.yaml")
	var mu sync.Mutex
	inside := 0
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				l, err := Acquire(context.Background(), file, Options{Wait: 10 * time.Second})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				inside++
				if inside > 1 {
					t.Error("two holders at once")
				}
				mu.Unlock()
				time.Sleep(time.Millisecond)
				mu.Lock()
				inside--
				mu.Unlock()
				l.Release()
			}
		}()
	}
	wg.Wait()
}

func TestInfoString(t *testing.T) {
	if got := (Info{}).String(); got != "en annen prosess" {
		t.Errorf("unknown: %q", got)
	}
	i := Info{Known: true, PID: 42, Host: "pc-17", Who: "Kari, sirkel assess"}
	if got := i.String(); got != "Kari, sirkel assess (prosess 42 på pc-17)" {
		t.Errorf("%q", got)
	}
}
