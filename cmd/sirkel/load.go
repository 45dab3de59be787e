package main

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

	"github.com/sirkel/sirkel/assessment/strictyaml"

	"github.com/sirkel/sirkel/assessment"
	"github.com/sirkel/sirkel/questionnaires"
)

// stdinName is how "-" is named in messages and output.
const stdinName = "-"

// expandPaths turns command-line paths into files: a folder contributes all
// *.yaml/*.yml and *.xlsx (answer workbooks) below it, sorted by path; "-"
// stands for stdin. Paths that cannot be read are returned as diagnostics.
func expandPaths(args []string, exts ...string) ([]string, assessment.Diagnostics) {
	if len(exts) == 0 {
		exts = []string{".yaml", ".yml", ".xlsx"}
	}
	var files []string
	var ds assessment.Diagnostics
	for _, arg := range args {
		if arg == stdinName {
			files = append(files, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			msg := "filen eller mappen finnes ikke"
			if !os.IsNotExist(err) {
				msg = "kan ikke lese: " + err.Error()
			}
			ds = append(ds, assessment.Diagnostic{File: arg, Message: msg})
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				ds = append(ds, assessment.Diagnostic{File: p, Message: "kan ikke lese: " + err.Error()})
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
			ds = append(ds, assessment.Diagnostic{File: arg, Message: "kan ikke lese mappen: " + err.Error()})
		}
		if len(found) == 0 {
			ds = append(ds, assessment.Diagnostic{File: arg, Severity: assessment.SevWarning, Message: "mappen inneholder ingen YAML-filer (*.yaml, *.yml)"})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, ds
}

// readInput reads a file or, for "-", stdin, with the size limit.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path == stdinName {
		return strictyaml.ReadLimited(stdinName, stdin)
	}
	return strictyaml.ReadFile(path)
}

// questionnaireSource resolves -q: an embedded id or a file. Without -q the
// answers file's own questionnaire id decides, else the default.
type questionnaireSource struct {
	flag   string
	stdin  io.Reader
	once   sync.Once
	fileQ  *assessment.Questionnaire
	fileDs assessment.Diagnostics
	err    error
}

// isFile reports whether -q names a file rather than an embedded id.
func (qs *questionnaireSource) isFile() bool {
	f := qs.flag
	return f != "" && (strings.ContainsAny(f, `/\`) || strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, ".yml") || f == stdinName || fileExists(f))
}

func fileExists(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

// fixed returns the questionnaire named by -q, or nil when -q is not given.
func (qs *questionnaireSource) fixed() (*assessment.Questionnaire, error) {
	if qs.flag == "" {
		return nil, nil
	}
	if !qs.isFile() {
		e, err := questionnaires.Get(qs.flag)
		if err != nil {
			return nil, usageError("%s", err)
		}
		return e.Questionnaire, nil
	}
	qs.once.Do(func() {
		data, err := readInput(qs.flag, qs.stdin)
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
func (qs *questionnaireSource) For(ref assessment.QuestionnaireRef) (*assessment.Questionnaire, error) {
	if qs.flag != "" {
		return qs.fixed()
	}
	id := ref.ID
	if id == "" {
		id = questionnaires.DefaultID
	}
	e, err := questionnaires.Match(assessment.QuestionnaireRef{ID: id, Version: ref.Version})
	if err != nil {
		return nil, fmt.Errorf("svarfilen gjelder spørreskjemaet «%s», som ikke er innebygd i sirkel; oppgi skjemafilen med -q FIL", id)
	}
	return e.Questionnaire, nil
}

// loaded is one answers file read, checked and ready to score.
type loaded struct {
	Path          string
	Answers       *assessment.Answers       // nil when unreadable
	Questionnaire *assessment.Questionnaire // what it was checked against
	Checked       *assessment.Checked       // the answers read for that questionnaire
	Diags         assessment.Diagnostics    // errors and warnings, sorted
	Skipped       bool                      // a questionnaire met while walking a folder
	Defines       *assessment.Questionnaire // the file itself is a questionnaire (acceptQuestionnaires)
	Result        *assessment.Result        // set in the worker when batchOptions.evaluate
	Out           []byte                    // per-file output prepared in the worker (batchOptions.work)
}

// OK reports whether the file can be scored.
func (l *loaded) OK() bool { return !l.Skipped && l.Answers != nil && !l.Diags.HasErrors() }

// batchOptions tune loadAnswers.
type batchOptions struct {
	check assessment.CheckOptions
	jobs  int
	// skipQuestionnaires skips files of kind questionnaire (a consultant
	// keeps the questionnaire beside the answers).
	skipQuestionnaires bool
	// acceptQuestionnaires validates questionnaire files instead (validate).
	acceptQuestionnaires bool
	// evaluate scores each good file in the worker, so that scoring runs
	// in parallel too; work then runs on it there (e.g. to encode output).
	evaluate bool
	work     func(*loaded)
}

// loadOne reads, parses and checks one answers file.
func loadOne(path string, stdin io.Reader, qs *questionnaireSource, opt batchOptions) loaded {
	l := loaded{Path: path}
	data, err := readInput(path, stdin)
	if err != nil {
		l.Diags = asDiagnostics(path, err)
		return l
	}
	if isWorkbook(path, data) {
		return loadWorkbook(path, data, qs, opt)
	}
	doc, ds := assessment.Parse(path, data)
	l.Diags = ds
	if doc == nil {
		return l
	}
	if doc.Kind == assessment.KindQuestionnaire {
		if opt.acceptQuestionnaires {
			l.Defines = doc.Questionnaire
			return l
		}
		if opt.skipQuestionnaires {
			l.Skipped = true
			l.Diags = nil
			return l
		}
		l.Diags = append(l.Diags, assessment.Diagnostic{File: path, Line: 1, Column: 1, Message: "forventet en svarfil (kind: answers), men dette er et spørreskjema; oppgi det med -q i stedet"})
		return l
	}
	l.Answers = doc.Answers
	if ds.HasErrors() && doc.Answers.Questionnaire.ID == "" {
		return l
	}
	q, err := qs.For(doc.Answers.Questionnaire)
	if err != nil {
		if ee, ok := err.(*exitError); ok {
			err = fmt.Errorf("%s", ee.msg)
		}
		if ds, ok := err.(assessment.Diagnostics); ok {
			l.Diags = append(l.Diags, ds...)
			return l
		}
		p := doc.Answers.PosOf("questionnaire.id")
		l.Diags = append(l.Diags, assessment.Diagnostic{File: path, Line: p.Line, Column: p.Column, Path: "questionnaire.id", Message: err.Error()})
		return l
	}
	l.Questionnaire = q
	var cds assessment.Diagnostics
	l.Checked, cds = doc.Answers.Check(q, opt.check)
	l.Diags = append(l.Diags, cds...)
	l.Diags.Sort()
	return l
}

func asDiagnostics(path string, err error) assessment.Diagnostics {
	if ds, ok := err.(assessment.Diagnostics); ok {
		return ds
	}
	var ee *exitError
	if e, ok := err.(*exitError); ok {
		ee = e
		return assessment.Diagnostics{{File: path, Message: ee.msg}}
	}
	return assessment.Diagnostics{{File: path, Message: err.Error()}}
}

// forEachAnswers loads files in parallel and calls fn for each in the order
// given, so that output is stable while memory holds only a small window.
// On Ctrl-C it stops handing out files and returns after the ones under
// way; the caller then reports the interruption (s.interrupted).
func forEachAnswers(paths []string, s *streams, qs *questionnaireSource, opt batchOptions, fn func(*loaded)) {
	stdin := s.In
	done := s.context().Done()
	jobs := opt.jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if jobs > len(paths) {
		jobs = max(1, len(paths))
	}
	type slot struct {
		l    loaded
		done chan struct{}
	}
	slots := make(chan *slot, jobs*4)
	work := make(chan struct {
		path string
		s    *slot
	})
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
	for s := range slots {
		<-s.done
		fn(&s.l)
	}
	wg.Wait()
}

// loadSafely is loadOne plus the worker's scoring, with a bug in either
// turned into an error for that file instead of a crash of the batch.
func loadSafely(path string, stdin io.Reader, qs *questionnaireSource, opt batchOptions) (l loaded) {
	defer func() {
		if v := recover(); v != nil {
			l = loaded{Path: path, Diags: assessment.Diagnostics{{File: path,
				Message: fmt.Sprintf("intern feil i sirkel (%v); filen ble ikke behandlet – meld gjerne fra om feilen", v)}}}
		}
	}()
	l = loadOne(path, stdin, qs, opt)
	if l.OK() && opt.evaluate {
		l.Result = assessment.Evaluate(l.Checked)
		if opt.work != nil {
			opt.work(&l)
		}
	}
	return l
}

// printDiagnostics writes diagnostics as file:line:col: melding, one a line.
func printDiagnostics(w io.Writer, ds assessment.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}
