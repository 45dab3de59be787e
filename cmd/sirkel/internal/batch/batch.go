// Package batch is how sirkel's commands read many answer files: paths
// and folders expanded to files, each file read (YAML or a filled-in answer
// sheet), parsed and checked against its questionnaire in parallel, and
// handed back in the order given, so that output is stable while memory
// holds only a small window. A bad file never stops the batch.
package batch

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/sirkel/sirkel/cmd/sirkel/internal/cli"

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/assessment/lang"
	"github.com/sirkel/sirkel/questionnaires"
)

// OneStdin refuses a second reader of standard input: «-» twice, or «-»
// for both the questionnaire and answers, would have two readers race for
// the same bytes.
func OneStdin(questionnaire string, paths []string) error {
	n := 0
	if questionnaire == cli.StdinName {
		n++
	}
	for _, p := range paths {
		if p == cli.StdinName {
			n++
		}
	}
	if n > 1 {
		return cli.UsageMsg(lang.M("batch-stdin-once"))
	}
	return nil
}

// Expand turns command-line paths into files: a folder contributes all
// *.yaml/*.yml and *.xlsx (answer workbooks) below it, sorted by path, and
// its *.xls, which Load reports with what to do rather than let them be
// passed over unnoticed; "-" stands for stdin. Paths that cannot be read
// are returned as diagnostics.
func Expand(args []string, exts ...string) ([]string, assessment.Diagnostics) {
	if len(exts) == 0 {
		exts = []string{".yaml", ".yml", ".xlsx", ".xls"}
	}
	var files []string
	var ds assessment.Diagnostics
	for _, arg := range args {
		if arg == cli.StdinName {
			files = append(files, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			msg := lang.M("batch-not-found")
			if !os.IsNotExist(err) {
				msg = lang.M("batch-unreadable", "Error", cli.ReadError(err))
			}
			ds = append(ds, strictyaml.NewDiagnostic(arg, 0, 0, "", msg))
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				ds = append(ds, strictyaml.NewDiagnostic(p, 0, 0, "", lang.M("batch-unreadable", "Error", cli.ReadError(err))))
				return nil
			}
			if d.IsDir() {
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "~$") {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(p))
			for _, e := range exts {
				if ext == e {
					found = append(found, p)
					break
				}
			}
			return nil
		})
		if err != nil {
			ds = append(ds, strictyaml.NewDiagnostic(arg, 0, 0, "", lang.M("batch-folder-unreadable", "Error", cli.ReadError(err))))
		}
		if len(found) == 0 {
			d := strictyaml.NewDiagnostic(arg, 0, 0, "", lang.M("batch-folder-empty"))
			d.Severity = assessment.SevWarning
			ds = append(ds, d)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, ds
}

// ReadInput reads a file or, for "-", stdin, with the size limit.
func ReadInput(path string, stdin io.Reader) ([]byte, error) {
	if path == cli.StdinName {
		return strictyaml.ReadLimited(cli.StdinName, stdin)
	}
	return strictyaml.ReadFile(path)
}

// Source resolves -q: an embedded id or a file. Without -q the
// answers file's own questionnaire id decides, else the default.
type Source struct {
	flag   string // -q: an embedded id, a file, or "" for what each file names
	stdin  io.Reader
	once   sync.Once
	fileQ  *assessment.Questionnaire
	fileDs assessment.Diagnostics
	err    error
}

// NewSource resolves -q (flag) for the files of one command; a
// questionnaire given as «-» is read from stdin.
func NewSource(flag string, stdin io.Reader) *Source { return &Source{flag: flag, stdin: stdin} }

// Flag is -q as given.
func (qs *Source) Flag() string { return qs.flag }

// IsFile reports whether -q names a file rather than an embedded id.
func (qs *Source) IsFile() bool {
	f := qs.flag
	return f != "" && (strings.ContainsAny(f, `/\`) || strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, ".yml") || f == cli.StdinName || fileExists(f))
}

// statFile is os.Stat; tests count the calls.
var statFile = os.Stat

func fileExists(p string) bool {
	info, err := statFile(p)
	return err == nil && !info.IsDir()
}

// fixed returns the questionnaire named by -q, or nil when -q is not given.
// It is resolved once: batch workers call it for every file.
func (qs *Source) Fixed() (*assessment.Questionnaire, error) {
	if qs.flag == "" {
		return nil, nil
	}
	qs.once.Do(func() {
		if !qs.IsFile() {
			e, err := questionnaires.Get(qs.flag)
			if err != nil {
				qs.err = cli.AsUsage(err)
				return
			}
			qs.fileQ = e.Questionnaire
			return
		}
		data, err := ReadInput(qs.flag, qs.stdin)
		if err != nil {
			qs.err = err
			return
		}
		qs.fileQ, qs.fileDs = assessment.ParseQuestionnaire(qs.flag, data)
		if qs.fileDs.HasErrors() {
			qs.err = qs.fileDs.Errors()
		}
	})
	return qs.fileQ, qs.err
}

// For returns the questionnaire to check answers against: the version the
// answers name when it is embedded, else the newest of their id.
func (qs *Source) For(ref assessment.QuestionnaireRef) (*assessment.Questionnaire, error) {
	if qs.flag != "" {
		return qs.Fixed()
	}
	id := ref.ID
	if id == "" {
		id = questionnaires.DefaultID
	}
	e, err := questionnaires.Match(assessment.QuestionnaireRef{ID: id, Version: ref.Version})
	if err != nil {
		return nil, lang.NewError(lang.M("batch-questionnaire-not-embedded", "ID", id))
	}
	return e.Questionnaire, nil
}

// File is one answers file read, checked and ready to score.
type File struct {
	Path          string
	Answers       *assessment.Answers       // nil when unreadable
	Questionnaire *assessment.Questionnaire // what it was checked against
	Checked       *assessment.Checked       // the answers read for that questionnaire
	Diags         assessment.Diagnostics    // errors and warnings, sorted
	Skipped       bool                      // a questionnaire met while walking a folder
	Defines       *assessment.Questionnaire // the file itself is a questionnaire (acceptQuestionnaires)
	Result        *assessment.Result        // set in the worker when Options.evaluate
	Out           []byte                    // per-file output prepared in the worker (Options.Work)
	WorkErr       error                     // why Options.Work could not prepare Out
}

// OK reports whether the file can be scored.
func (l *File) OK() bool { return !l.Skipped && l.Answers != nil && !l.Diags.HasErrors() }

// Options tune loadAnswers.
type Options struct {
	Check assessment.CheckOptions
	// Jobs is how many files are read at once; 0 is one per core.
	Jobs int
	// SkipQuestionnaires skips files of kind questionnaire (a consultant
	// keeps the questionnaire beside the answers).
	SkipQuestionnaires bool
	// AcceptQuestionnaires validates questionnaire files instead (validate).
	AcceptQuestionnaires bool
	// Evaluate scores each good file in the worker, so that scoring runs
	// in parallel too; Work then runs on it there (e.g. to encode output
	// or render a workbook into File.Out; the caller writes it, in order).
	Evaluate bool
	Work     func(*File)
}

// Load reads, parses and checks one answers file.
func Load(path string, stdin io.Reader, qs *Source, opt Options) File {
	l := File{Path: path}
	data, err := ReadInput(path, stdin)
	if err != nil {
		l.Diags = cli.AsDiagnostics(path, err)
		return l
	}
	if isWorkbook(data) {
		return loadWorkbook(path, data, qs, opt)
	}
	if msg := misnamedText(path, data); msg.ID != "" {
		l.Diags = assessment.Diagnostics{strictyaml.NewDiagnostic(path, 0, 0, "", msg)}
		return l
	}
	doc, ds := assessment.Parse(path, data)
	l.Diags = ds
	if doc == nil {
		return l
	}
	if doc.Kind == assessment.KindQuestionnaire {
		if opt.AcceptQuestionnaires {
			l.Defines = doc.Questionnaire
			return l
		}
		if opt.SkipQuestionnaires {
			l.Skipped = true
			l.Diags = nil
			return l
		}
		l.Diags = append(l.Diags, strictyaml.NewDiagnostic(path, 1, 1, "", lang.M("batch-questionnaire-not-answers")))
		return l
	}
	l.Answers = doc.Answers
	if ds.HasErrors() && doc.Answers.Questionnaire.ID == "" {
		return l
	}
	q, err := qs.For(doc.Answers.Questionnaire)
	if err != nil {
		if ds, ok := err.(assessment.Diagnostics); ok {
			l.Diags = append(l.Diags, ds...)
			return l
		}
		p := doc.Answers.PosOf("questionnaire.id")
		for _, d := range cli.AsDiagnostics(path, err) {
			d.Line, d.Column, d.Path = p.Line, p.Column, "questionnaire.id"
			l.Diags = append(l.Diags, d)
		}
		return l
	}
	l.Questionnaire = q
	var cds assessment.Diagnostics
	l.Checked, cds = doc.Answers.Check(q, opt.Check)
	l.Diags = append(l.Diags, cds...)
	l.Diags.Sort()
	return l
}

// Each loads files in parallel and calls fn for each in the order
// given, so that output is stable while memory holds only a small window.
// On Ctrl-C it stops handing out files and returns after the ones under
// way; the caller then reports the interruption (s.interrupted).
func Each(paths []string, s *cli.Streams, qs *Source, opt Options, fn func(*File)) {
	stdin := s.In
	done := s.Context().Done()
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if jobs > len(paths) {
		jobs = max(1, len(paths))
	}
	type slot struct {
		l    File
		done chan struct{}
	}
	slots := make(chan *slot, jobs*4)
	work := make(chan struct {
		path string
		s    *slot
	})
	// stop ends the feeding early when fn panics, so that no goroutine is
	// left blocked; the panic then goes on to the caller.
	stop := make(chan struct{})
	defer func() {
		if v := recover(); v != nil {
			close(stop)
			for s := range slots {
				<-s.done
			}
			panic(v)
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for w := range work {
				w.s.l = loadSafely(w.path, stdin, qs, opt)
				close(w.s.done)
			}
		})
	}
	go func() {
		defer close(slots)
		defer close(work)
		for _, p := range paths {
			select {
			case <-done:
				return
			case <-stop:
				return
			default:
			}
			s := &slot{done: make(chan struct{})}
			slots <- s
			work <- struct {
				path string
				s    *slot
			}{p, s}
		}
	}()
	p := newProgress(s, len(paths))
	defer p.clear()
	finished := 0
	for sl := range slots {
		<-sl.done
		p.clear()
		fn(&sl.l)
		finished++
		if finished < len(paths) {
			p.update(finished, paths[finished])
		}
	}
	wg.Wait()
}

// loadSafely is Load plus the worker's scoring, with a bug in either
// turned into an error for that file instead of a crash of the batch.
func loadSafely(path string, stdin io.Reader, qs *Source, opt Options) (l File) {
	defer func() {
		if v := recover(); v != nil {
			l = File{Path: path, Diags: assessment.Diagnostics{strictyaml.NewDiagnostic(path, 0, 0, "",
				lang.M("batch-internal-error", "Panic", fmt.Sprint(v)))}}
		}
	}()
	l = Load(path, stdin, qs, opt)
	if l.OK() && opt.Evaluate {
		l.Result = assessment.Evaluate(l.Checked)
		if opt.Work != nil {
			opt.Work(&l)
		}
	}
	return l
}

// QuestionnaireError reports a questionnaire that could not be loaded, in
// the command's language.
func QuestionnaireError(s *cli.Streams, name string, err error) error {
	if ee, ok := err.(*cli.Error); ok {
		return ee
	}
	cli.PrintDiagnostics(s.Err, s.Printer(), cli.AsDiagnostics(name, err))
	return cli.FailureMsg(lang.M("batch-questionnaire-unreadable", "Questionnaire", name))
}
