// Package pipeline runs one document through every stage: clean → sentences
// → dateline → actors and places → claims. It is what extract, ingest and the
// web API call; it holds the loaded gazetteer, actor registry and lexicons and
// is safe for concurrent use.
package pipeline

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/strikewatch/strikewatch/internal/actors"
	"github.com/strikewatch/strikewatch/internal/ascii"
	"github.com/strikewatch/strikewatch/internal/clean"
	"github.com/strikewatch/strikewatch/internal/dateline"
	"github.com/strikewatch/strikewatch/internal/extract"
	"github.com/strikewatch/strikewatch/internal/geo"
	"github.com/strikewatch/strikewatch/internal/lang"
	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/segment"
	"github.com/strikewatch/strikewatch/internal/timex"
)

// Input is one raw document and what the caller knows about it.
type Input struct {
	ID     string // caller's id (e.g. from a JSON Lines line), echoed back by callers
	Name   string // file path or URL, used in error messages
	Body   []byte // the raw document
	Format string // "text", "html" or "auto"
	// What the text may not carry; "" = unknown. Published is YYYY-MM-DD.
	URL, Outlet, Title, Published string
}

// Pipeline holds the loaded resources.
type Pipeline struct {
	log    *slog.Logger
	gaz    *geo.Gazetteer
	actors *actors.Registry
	x      *extract.Extractor
	maxLen int64
	// country is gaz.Country as a func value, made once: a method value
	// built per call is an allocation per report.
	country func(code string) (report.Place, bool)
	// regions maps dateline abbreviations of the Mexican press to states.
	regions map[string]region
}

// New loads the gazetteer, the actor registry and the lexicons once.
func New(log *slog.Logger) (*Pipeline, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	gaz, err := geo.Load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	reg, err := actors.Load()
	if err != nil {
		return nil, fmt.Errorf("load actor registry: %w", err)
	}
	x, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	regions, err := loadRegions()
	if err != nil {
		return nil, err
	}
	log.Debug("pipeline loaded", "took", time.Since(start))
	return &Pipeline{log: log, gaz: gaz, actors: reg, x: x, regions: regions, country: gaz.Country}, nil
}

// Gazetteer exposes the loaded gazetteer (for eval and the web layer).
func (p *Pipeline) Gazetteer() *geo.Gazetteer { return p.gaz }

// Process turns one raw document into a report and its claims. Bad input
// returns an error wrapping *report.ErrInvalid naming in.Name.
func (p *Pipeline) Process(ctx context.Context, in Input) (report.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return report.Extraction{}, err
	}
	name := in.Name
	if name == "" {
		name = "input"
	}
	var published *time.Time
	if in.Published != "" {
		t, err := time.Parse("2006-01-02", in.Published)
		if err != nil {
			return report.Extraction{}, &report.ErrInvalid{Input: name, Reason: fmt.Sprintf("published date %q is not YYYY-MM-DD", in.Published)}
		}
		published = &t
	}
	doc, err := clean.Clean(in.Body, clean.Format(in.Format), clean.Options{MaxBytes: p.maxLen})
	if err != nil {
		var inv *report.ErrInvalid
		if errors.As(err, &inv) {
			return report.Extraction{}, &report.ErrInvalid{Input: name, Reason: inv.Reason}
		}
		return report.Extraction{}, fmt.Errorf("%s: clean: %w", name, err)
	}
	text := doc.Text
	sum := textSum(text)
	rep := report.Report{
		ID:                hex.EncodeToString(sum[:]),
		DroppedParagraphs: doc.Dropped,
		Places:            []report.Place{},
		Warnings:          doc.Warnings,
		Text:              text,
	}
	if rep.DroppedParagraphs == nil {
		rep.DroppedParagraphs = []report.DroppedParagraph{}
	}
	rep.URL = firstNonEmpty(in.URL, doc.Meta.URL)
	rep.Outlet = firstNonEmpty(in.Outlet, doc.Meta.Outlet)
	rep.Title = firstNonEmpty(in.Title, doc.Meta.Title)
	if published == nil && doc.Meta.Published != "" {
		if t, _, ok := timex.ParseDate(doc.Meta.Published); ok {
			published = &t
		}
	}
	if published != nil {
		s := published.Format("2006-01-02")
		rep.Published = &s
	}
	rep.Language = lang.Detect(text)

	// The lowered text is made once here for the geoparser and the
	// extractor, which both read words in lower case.
	lower := ascii.Lower(text)
	ed := extract.Doc{Text: text, Lower: lower, Lang: rep.Language, Sentences: segment.Sentences(text), CountryPlace: p.country}
	if published != nil {
		ed.Ref, ed.HasRef = *published, true
	}
	var dlPlace string
	if dl, ok := dateline.Find(text); ok {
		rd := p.dateline(text, dl, rep.Language)
		rep.Dateline = rd
		ed.Dateline = rd
		if rd.Location != nil {
			if c, ok := p.gaz.Country(rd.Location.Country); ok {
				ed.DatelineCountry = &c
			}
		}
		dlPlace = dl.PlaceName()
		if !ed.HasRef && dl.HasDate {
			ed.Ref, ed.HasRef = dl.Date, true
		}
	}
	if !ed.HasRef {
		// A report with no stated date: resolve relative expressions only
		// against an explicit full date early in the text (a release date line).
		if t, ok := leadDate(text); ok {
			ed.Ref, ed.HasRef = t, true
		}
	}
	ms := p.actors.Find(text)
	ed.Actors = make([]extract.ActorSpan, 0, len(ms))
	for _, m := range ms {
		ed.Actors = append(ed.Actors, extract.ActorSpan{Start: m.Start, End: m.End, Actor: m.Report(), Kind: string(m.Actor.Kind), Via: m.Via})
	}
	rep.Places = p.gaz.Parse(text, geo.Options{Dateline: dlPlace, Lower: lower})
	if rep.Language == "es" {
		rep.Places = p.spanishGround(text, rep.Places)
	}
	if rep.Places == nil {
		rep.Places = []report.Place{}
	}
	ed.Places = rep.Places
	if rep.Outlet != nil {
		ed.Outlet = *rep.Outlet
	}
	claims := p.x.Extract(ed)
	if claims == nil {
		claims = []report.Claim{}
	}
	return report.Extraction{Report: rep, Claims: claims}, nil
}

// dateline resolves the dateline place: the region (a country or a state)
// narrows the place; the place alone falls back to the best-known one.
func (p *Pipeline) dateline(text string, dl dateline.Dateline, lang string) *report.Dateline {
	end := dl.PlaceEnd
	if dl.RegionEnd > end {
		end = dl.RegionEnd
	}
	rd := &report.Dateline{Text: text[dl.PlaceStart:end], Start: dl.Start, End: dl.End, Wire: dl.Wire}
	if dl.HasDate {
		s := dl.Date.Format("2006-01-02")
		rd.Date = &s
	}
	country := ""
	if ab, ok := p.regions[strings.TrimSpace(dl.Region)]; ok && lang == "es" {
		// "CULIACÁN, Sin.": Sinaloa, not a US state.
		country = ab.country
		if pl, ok := p.gaz.Lookup(dl.PlaceName(), country); ok {
			l := pl.Location()
			rd.Location = &l
			return rd
		}
	} else if dl.Region != "" {
		if c, ok := p.gaz.Demonym(dl.Region); ok {
			country = c
		} else if st, ok := p.gaz.Abbreviation(dl.Region); ok {
			// "TAMPA, Fla.", "SPRINGFIELD, Ill.": the town in that state.
			if pl, ok := p.gaz.LookupWithin(dl.PlaceName(), st); ok {
				l := pl.Location()
				rd.Location = &l
				return rd
			}
			country = st.Country
		} else if pl, ok := p.gaz.Lookup(strings.TrimSuffix(dl.Region, "."), ""); ok {
			country = pl.Country
		}
	}
	if pl, ok := p.gaz.Lookup(dl.PlaceName(), country); ok {
		l := pl.Location()
		rd.Location = &l
	}
	return rd
}

// leadDate finds a full explicit date in the first lines of a report.
func leadDate(text string) (time.Time, bool) {
	head := text
	if len(head) > 300 {
		head = head[:300]
	}
	if e, ok := timex.FirstFull(head); ok {
		return e.From, true
	}
	return dateline.TitleDate(text)
}

func firstNonEmpty(a, b string) *string {
	// Copies made in the branches, so that only a result is allocated,
	// not both arguments on every call.
	if a != "" {
		s := a
		return &s
	}
	if b != "" {
		s := b
		return &s
	}
	return nil
}

// hashBufs holds byte copies of texts for hashing: converting a text to
// []byte for sha256 allocates a copy on every call.
var hashBufs = sync.Pool{New: func() any { return new([]byte) }}

// textSum returns the SHA-256 of text.
func textSum(text string) [sha256.Size]byte {
	bp := hashBufs.Get().(*[]byte)
	b := append((*bp)[:0], text...)
	sum := sha256.Sum256(b)
	if cap(b) <= 1<<20 { // a rare huge text's buffer is not kept
		*bp = b
		hashBufs.Put(bp)
	}
	return sum
}

// groundNouns are Spanish nouns that a following lower-case demonym turns
// into a place: "territorio mexicano", "suelo colombiano".
var groundNouns = map[string]bool{"territorio": true, "suelo": true, "espacio": true, "aguas": true, "frontera": true, "tierras": true, "país": true}

// spanishGround adds the country named by "territorio mexicano" and the like,
// which the geoparser (capitalised spans) does not see.
func (p *Pipeline) spanishGround(text string, places []report.Place) []report.Place {
	i := 0
	for i < len(text) {
		j := strings.IndexAny(text[i:], " \n")
		if j < 0 {
			break
		}
		w := strings.ToLower(strings.Trim(text[i:i+j], ",.;:()«»\"“”"))
		next := i + j + 1
		if groundNouns[w] && next < len(text) {
			k := strings.IndexAny(text[next:], " \n,.;:)")
			if k < 0 {
				k = len(text) - next
			}
			dem := text[next : next+k]
			if dem != "" && dem == strings.ToLower(dem) {
				if cc, ok := p.gaz.Demonym(dem); ok {
					if c, ok := p.gaz.Country(cc); ok {
						c.Text, c.Start, c.End = dem, next, next+k
						places = append(places, c)
					}
				}
			}
		}
		i = next
	}
	sort.Slice(places, func(a, b int) bool { return places[a].Start < places[b].Start })
	return places
}

//go:embed data/region_abbrev.tsv
var regionAbbrev string

type region struct{ country, admin1 string }

func loadRegions() (map[string]region, error) {
	m := map[string]region{}
	for i, line := range strings.Split(regionAbbrev, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("region_abbrev.tsv:%d: want 3 columns", i+1)
		}
		m[cols[0]] = region{cols[1], cols[2]}
	}
	return m, nil
}
