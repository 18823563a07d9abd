package mailclients

import (
	"io"
	"log"
	"net"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// arrival is a message as an SMTP server received it.
type arrival struct {
	from       string   // envelope sender
	recipients []string // envelope recipients
	data       []byte   // the message
}

// sink is an SMTP server on loopback that keeps what it receives.
type sink struct {
	addr     string
	arrivals chan arrival
}

// startSink starts an SMTP server on a free port of 127.0.0.1, stopped
// when the test ends.
func startSink(t *testing.T) *sink {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &sink{addr: l.Addr().String(), arrivals: make(chan arrival, 16)}
	server := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{sink: s}, nil
	}))
	server.Domain = "localhost"
	server.AllowInsecureAuth = true
	server.EnableSMTPUTF8 = true
	server.ErrorLog = log.New(io.Discard, "", 0)
	go server.Serve(l)
	t.Cleanup(func() { server.Close() })
	return s
}

// port returns the port the sink listens on.
func (s *sink) port() string {
	_, port, _ := net.SplitHostPort(s.addr)
	return port
}

// next returns the next message to arrive, failing t if none does soon.
func (s *sink) next(t *testing.T) arrival {
	t.Helper()
	select {
	case a := <-s.arrivals:
		return a
	case <-time.After(10 * time.Second):
		t.Fatal("no message arrived")
		return arrival{}
	}
}

// none fails t if a message arrived that nobody asked for.
func (s *sink) none(t *testing.T) {
	t.Helper()
	select {
	case a := <-s.arrivals:
		t.Errorf("an unexpected message arrived, for %v:\n%s", a.recipients, a.data)
	default:
	}
}

type session struct {
	sink *sink
	cur  arrival
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error { s.cur.from = from; return nil }
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.recipients = append(s.cur.recipients, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.data = data
	s.sink.arrivals <- s.cur
	s.cur = arrival{}
	return nil
}
func (s *session) Reset()        { s.cur = arrival{} }
func (s *session) Logout() error { return nil }
