package web

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestMemoComputesOncePerKey(t *testing.T) {
	m := newMemo[int](time.Hour, 10)
	defer m.close()
	var calls atomic.Int32
	release := make(chan struct{})
	compute := func(context.Context) (int, error) {
		calls.Add(1)
		<-release
		return 42, nil
	}
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Go(func() { got[i], _ = m.get(context.Background(), "k", compute) })
	}
	for calls.Load() == 0 { // wait until the first caller is computing
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if c := calls.Load(); c != 1 {
		t.Errorf("computed %d times, want 1", c)
	}
	for i, v := range got {
		if v != 42 {
			t.Errorf("caller %d got %d, want 42", i, v)
		}
	}
}

func TestMemoInvalidateRecomputesBeforeAnswering(t *testing.T) {
	m := newMemo[int](time.Hour, 10)
	defer m.close()
	n := 0
	compute := func(context.Context) (int, error) { n++; return n, nil }
	if v, _ := m.get(context.Background(), "k", compute); v != 1 {
		t.Fatalf("first: got %d", v)
	}
	if v, _ := m.get(context.Background(), "k", compute); v != 1 {
		t.Errorf("cached: got %d, want 1", v)
	}
	m.invalidate()
	if v, _ := m.get(context.Background(), "k", compute); v != 2 {
		t.Errorf("after invalidate: got %d, want 2 (a client must see its own write)", v)
	}
}

func TestMemoStaleServedWhileRefreshing(t *testing.T) {
	m := newMemo[int](time.Nanosecond, 10)
	var n atomic.Int32
	refreshed := make(chan struct{}, 10)
	compute := func(context.Context) (int, error) {
		v := int(n.Add(1))
		if v > 1 {
			refreshed <- struct{}{}
		}
		return v, nil
	}
	m.get(context.Background(), "k", compute)
	time.Sleep(time.Millisecond) // past the TTL
	if v, _ := m.get(context.Background(), "k", compute); v != 1 {
		t.Errorf("stale read: got %d, want the old value 1 at once", v)
	}
	<-refreshed
	m.close() // waits for the refresh to store its value
	m.mu.Lock()
	v := m.entries["k"].val
	m.mu.Unlock()
	if v != 2 {
		t.Errorf("after refresh: stored %d, want 2", v)
	}
}

func TestMemoDoesNotKeepErrors(t *testing.T) {
	m := newMemo[int](time.Hour, 10)
	defer m.close()
	boom := errors.New("boom")
	if _, err := m.get(context.Background(), "k", func(context.Context) (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Fatalf("got %v, want boom", err)
	}
	if v, err := m.get(context.Background(), "k", func(context.Context) (int, error) { return 7, nil }); err != nil || v != 7 {
		t.Errorf("after a failure: got %d, %v; want 7", v, err)
	}
}

func TestMemoBounded(t *testing.T) {
	m := newMemo[int](time.Hour, 3)
	defer m.close()
	for i := range 10 {
		m.get(context.Background(), string(rune('a'+i)), func(context.Context) (int, error) { return i, nil })
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.entries) > 3 {
		t.Errorf("%d entries, want at most 3", len(m.entries))
	}
}
