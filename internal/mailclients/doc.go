// Package mailclients holds no code of its own, only end-to-end tests: they
// take what decline prints and send it through the mail programs people
// pipe it into (msmtp, mutt, neomutt, s-nail, mblaze) to an SMTP server on
// loopback, and check that what arrives is what was drafted, sent to the
// one intended recipient, whatever was typed. A test whose program is not
// installed skips, saying which Debian package provides it.
package mailclients
