package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// pipe sends a transaction's statements with as few round trips as the
// work allows: writes whose results nothing reads right away are held
// (later) and go to the server in the same batch as the next statement
// that must be answered, or with COMMIT. Statements of a batch run one
// after another, so a held write is applied before the read it precedes.
type pipe struct {
	conn    *pgx.Conn
	pending []*pgx.QueuedQuery
}

// later holds a write for the next send.
func (p *pipe) later(sql string, args ...any) {
	p.pending = append(p.pending, &pgx.QueuedQuery{SQL: sql, Arguments: args})
}

// send sends the held writes, then b's statements, in one round trip, and
// checks the held writes' results; the caller reads b's and closes the
// results.
func (p *pipe) send(ctx context.Context, b *pgx.Batch) (pgx.BatchResults, error) {
	held := len(p.pending)
	if held > 0 {
		b.QueuedQueries = append(p.pending, b.QueuedQueries...)
		p.pending = nil
	}
	br := p.conn.SendBatch(ctx, b)
	for range held {
		if _, err := br.Exec(); err != nil {
			br.Close()
			return nil, fmt.Errorf("held write: %w", err)
		}
	}
	return br, nil
}

// query runs one query after the held writes; done closes it and returns
// the first error of the round trip.
func (p *pipe) query(ctx context.Context, sql string, args ...any) (rows pgx.Rows, done func() error, err error) {
	b := &pgx.Batch{}
	b.Queue(sql, args...)
	br, err := p.send(ctx, b)
	if err != nil {
		return nil, nil, err
	}
	rows, err = br.Query()
	if err != nil {
		br.Close()
		return nil, nil, err
	}
	return rows, func() error {
		rows.Close()
		if err := rows.Err(); err != nil {
			br.Close()
			return err
		}
		return br.Close()
	}, nil
}

// exec runs the held writes and sql now.
func (p *pipe) exec(ctx context.Context, sql string, args ...any) error {
	b := &pgx.Batch{}
	b.Queue(sql, args...)
	br, err := p.send(ctx, b)
	if err != nil {
		return err
	}
	_, err = br.Exec()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	return err
}
