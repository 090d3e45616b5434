package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/strikewatch/strikewatch/internal/corpus"
	"github.com/strikewatch/strikewatch/internal/eval"
	"github.com/strikewatch/strikewatch/internal/extract"
	"github.com/strikewatch/strikewatch/internal/pipeline"
)

func runEval(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "usage: strikewatch eval --set isaf|tbij|case2021|geoparse|labelled [FILE.jsonl]\n\nWithout FILE, reads ../shared/corpus/<set>/dev.jsonl; labelled (short reports with\nthe claim each must yield, e.g. testdata/es/spanish.jsonl) needs FILE.\n\nflags:\n")
		fs.PrintDefaults()
	}
	set := fs.String("set", "", "labelled set: isaf, tbij, case2021, geoparse, factuality or labelled")
	failures := fs.Int("failures", 0, "also list up to N documents the extractor got wrong")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	switch *set {
	case "isaf", "tbij", "case2021", "geoparse":
	case "factuality":
		return evalFactuality(e, fs.Args(), *failures)
	case "labelled":
		if fs.NArg() != 1 {
			fmt.Fprintf(e.stderr, "eval: --set labelled needs a FILE.jsonl (e.g. testdata/es/spanish.jsonl)\n")
			return 2
		}
	default:
		fmt.Fprintf(e.stderr, "eval: --set %q: want isaf, tbij, case2021, geoparse, factuality or labelled\n", *set)
		return 2
	}
	var docs []corpus.Doc
	var err error
	if fs.NArg() == 1 {
		f, ferr := os.Open(fs.Arg(0))
		if ferr != nil {
			fmt.Fprintf(e.stderr, "eval: %v\n", ferr)
			return 1
		}
		docs, err = corpus.Read(f, fs.Arg(0))
		f.Close()
	} else {
		docs, err = corpus.Load("corpus/" + *set + "/dev.jsonl")
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "eval: %v\n", err)
		return 1
	}
	p, err := pipeline.New(e.log)
	if err != nil {
		fmt.Fprintf(e.stderr, "eval: %v\n", err)
		return 1
	}
	w := e.stdout
	switch *set {
	case "isaf":
		s, err := eval.ISAF(ctx, p, docs)
		if err != nil {
			fmt.Fprintf(e.stderr, "eval: %v\n", err)
			return 1
		}
		s.Format(w)
		eval.FormatFailures(w, s.Failures, *failures)
	case "tbij":
		s, err := eval.TBIJ(ctx, p, docs)
		if err != nil {
			fmt.Fprintf(e.stderr, "eval: %v\n", err)
			return 1
		}
		s.Format(w)
		eval.FormatFailures(w, s.Failures, *failures)
	case "case2021":
		s, err := eval.CASE(ctx, p, docs)
		if err != nil {
			fmt.Fprintf(e.stderr, "eval: %v\n", err)
			return 1
		}
		s.Format(w)
		eval.FormatFailures(w, s.Failures, *failures)
	case "labelled":
		s, err := eval.Labelled(ctx, p, docs)
		if err != nil {
			fmt.Fprintf(e.stderr, "eval: %v\n", err)
			return 1
		}
		s.Format(w, fs.Arg(0))
		eval.FormatFailures(w, s.Failures, *failures)
	case "geoparse":
		s, err := eval.Geoparse(docs, p.Gazetteer())
		if err != nil {
			fmt.Fprintf(e.stderr, "eval: %v\n", err)
			return 1
		}
		if err := s.Format(w); err != nil {
			return 1
		}
		eval.FormatFailures(w, s.Failures, *failures)
	}
	return 0
}

// evalFactuality scores certainty cues on CoNLL factuality files (default:
// the UW and MEANTIME dev files in ../shared/corpus/factuality).
func evalFactuality(e env, files []string, failures int) int {
	if len(files) == 0 {
		for _, rel := range []string{"corpus/factuality/uw/dev.conll", "corpus/factuality/meantime/dev.conll"} {
			p, err := corpus.Path(rel)
			if err != nil {
				fmt.Fprintf(e.stderr, "eval: %v\n", err)
				return 1
			}
			files = append(files, p)
		}
	}
	x, err := extract.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "eval: %v\n", err)
		return 1
	}
	s, err := eval.Factuality(x, files...)
	if err != nil {
		fmt.Fprintf(e.stderr, "eval: %v\n", err)
		return 1
	}
	s.Format(e.stdout)
	eval.FormatFailures(e.stdout, s.Failures, failures)
	return 0
}
