package report

// StoredClaim is a claim as the database holds it: with its id and the
// report it came from.
type StoredClaim struct {
	ID       string `json:"id"`
	ReportID string `json:"report_id"`
	EventID  string `json:"event_id,omitempty"`
	StoryID  string `json:"story_id,omitempty"`
	Claim
}

// Event is one real-world event: the claims of every report about it, merged.
type Event struct {
	ID                 string     `json:"event_id"`
	EventType          string     `json:"event_type"`
	SubEventType       string     `json:"sub_event_type"`
	Action             string     `json:"action"`
	Stage              Stage      `json:"stage"`
	Certainty          Certainty  `json:"certainty"`
	Actor1             *Actor     `json:"actor1"`
	Actor2             *Actor     `json:"actor2"`
	Location           *Location  `json:"location"`
	Date               Date       `json:"date"`
	FirstReported      *string    `json:"first_reported,omitempty"` // earliest publication date of its reports (YYYY-MM-DD)
	LastReported       *string    `json:"last_reported,omitempty"`  // latest publication date of its reports
	Fatalities         Fatalities `json:"fatalities"`
	ReportIDs          []string   `json:"report_ids"`
	ReportURLs         []string   `json:"report_urls"`
	ClaimCount         int        `json:"claim_count"`
	IndependentSources int        `json:"independent_sources"`
	Sources            []Source   `json:"sources"`
	StoryID            string     `json:"story_id,omitempty"`
	Notes              string     `json:"notes,omitempty"`
	Evidence           []Evidence `json:"evidence,omitempty"`
}

// Host-state consent values for a cross-border story (SPEC: Story).
const (
	ConsentGranted    = "granted"
	ConsentRequested  = "requested"
	ConsentRefused    = "refused"
	ConsentUnilateral = "unilateral"
	ConsentUndecided  = "undecided"
	ConsentUnknown    = "unknown"
)

// StoryStep is one stage reached by a story, with the evidence that moved it.
type StoryStep struct {
	Stage     Stage      `json:"stage"`
	Certainty Certainty  `json:"certainty,omitempty"`
	Date      *string    `json:"date"`
	ReportID  string     `json:"report_id,omitempty"`
	ReportURL *string    `json:"report_url"`
	Evidence  []Evidence `json:"evidence"`
}

// Story is a thread of claims with the same initiator, target and kind of action.
type Story struct {
	ID          string      `json:"id"`
	Initiator   *Actor      `json:"initiator"`
	Target      *Actor      `json:"target"`
	Action      string      `json:"action"`
	Stage       Stage       `json:"stage"`
	HostConsent string      `json:"host_consent"`
	History     []StoryStep `json:"history"`
	Related     []string    `json:"related"`
}
