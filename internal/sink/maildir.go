package sink

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Maildir saves drafts as unsent messages in a Maildir folder, such as
// the Drafts folder that mbsync, offlineimap or notmuch keep in step with
// the user's mail server: written under tmp/, then moved into cur/ with
// the Draft and Seen flags (":2,DS"), as the Maildir specification and
// neomutt expect. A folder that does not exist, or is empty, is made a
// Maildir; a directory that holds other things is refused.
type Maildir struct{ Dir string }

// ErrNotMaildir is the error of a folder that exists, is not empty, and
// is not a Maildir.
var ErrNotMaildir = errors.New("is not a Maildir (it has no cur, new and tmp folders)")

// Prepare makes the folder a Maildir if it is missing or empty, and
// refuses one that is something else.
func (s Maildir) Prepare() error {
	entries, err := os.ReadDir(s.Dir)
	switch {
	case errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0:
		for _, sub := range []string{"cur", "new", "tmp"} {
			if err := os.MkdirAll(filepath.Join(s.Dir, sub), 0o700); err != nil {
				return err
			}
		}
		return nil
	case err != nil:
		return err
	}
	for _, sub := range []string{"cur", "new", "tmp"} {
		if info, err := os.Stat(filepath.Join(s.Dir, sub)); err != nil || !info.IsDir() {
			return fmt.Errorf("%s %w", s.Dir, ErrNotMaildir)
		}
	}
	return nil
}

// Send saves data as a draft in the folder.
func (s Maildir) Send(data []byte) (string, error) {
	if err := s.Prepare(); err != nil {
		return "", fmt.Errorf("saving the draft in %s: %w", s.Dir, err)
	}
	name, err := uniqueName()
	if err != nil {
		return "", err
	}
	tmp := filepath.Join(s.Dir, "tmp", name)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	cur := filepath.Join(s.Dir, "cur", name+":2,DS")
	if err := os.Rename(tmp, cur); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return "saved the draft in " + cur, nil
}

// uniqueName returns a Maildir file name: the time, the process and
// random digits, and the host, as the specification suggests.
func uniqueName() (string, error) {
	var random [8]byte
	if _, err := rand.Read(random[:]); err != nil {
		return "", err
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "localhost"
	}
	host = strings.NewReplacer("/", `\057`, ":", `\072`).Replace(host)
	now := time.Now()
	return fmt.Sprintf("%d.M%dP%dR%s.%s", now.Unix(), now.Nanosecond()/1000, os.Getpid(), hex.EncodeToString(random[:]), host), nil
}
