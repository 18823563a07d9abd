package mailclients

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// invitation is a message a recruiter sent, as a mail client saves it.
const invitation = "From: \"Ana Rivera\" <ana.rivera@acme.example>\r\n" +
	"To: Sam Lee <sam@example.org>\r\n" +
	"Subject: =?utf-8?q?Interview_for_the_SRE_role_=E2=80=93_Acme?=\r\n" +
	"Message-ID: <inv-42@acme.example>\r\n" +
	"References: <first-1@acme.example>\r\n" +
	"Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n" +
	"\r\n" +
	"Hi Sam, we would love to invite you to interview.\r\n"

// saveDraft runs decline reply --save-draft into a Maildir in dir, and
// returns the draft's file.
func saveDraft(t *testing.T, dir string) string {
	t.Helper()
	message := writeFile(t, dir, "invitation.eml", []byte(invitation))
	maildir := filepath.Join(dir, "mail", "Drafts")
	if _, errOut, status := draft("reply", message, "--company", "Acme", "--role", "SRE", "--name", "Sam Lee",
		"--from", "Sam Lee <sam@example.org>", "--reason", "accepted-offer", "--save-draft="+maildir); status != 0 {
		t.Fatalf("decline reply: exit %d: %s", status, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(maildir, "cur", "*"))
	if len(files) != 1 || !strings.HasSuffix(files[0], ":2,DS") {
		t.Fatalf("got %q in cur, want one draft with the D and S flags", files)
	}
	return files[0]
}

// notmuch lists the draft as a draft: it reads the Maildir's D flag as
// its tag draft, and the threading headers as the thread.
func TestNotmuchSeesTheDraft(t *testing.T) {
	need(t, "notmuch", "notmuch")
	dir := t.TempDir()
	file := saveDraft(t, dir)
	config := writeFile(t, dir, "notmuch-config", []byte("[database]\npath="+filepath.Join(dir, "mail")+"\n[maildir]\nsynchronize_flags=true\n[new]\ntags=unread;inbox;\n"))
	notmuch := func(args ...string) string {
		t.Helper()
		out, status := run(t, dir, nil, "env", append([]string{"NOTMUCH_CONFIG=" + config, "notmuch"}, args...)...)
		if status != 0 {
			t.Fatalf("notmuch %q: exit %d: %s", args, status, out)
		}
		return out
	}
	notmuch("new", "--quiet")
	if got := notmuch("search", "--output=files", "tag:draft"); strings.TrimSpace(got) != file {
		t.Errorf("notmuch search tag:draft: got %q, want %s", got, file)
	}
	if got := notmuch("search", "--output=messages", "id:inv-42@acme.example or tag:draft"); !strings.Contains(got, "id:") {
		t.Errorf("notmuch does not find the draft: %q", got)
	}
	got := notmuch("show", "--format=raw", "tag:draft")
	for _, want := range []string{"In-Reply-To: <inv-42@acme.example>", "References: <first-1@acme.example> <inv-42@acme.example>", "X-Unsent: 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("the draft notmuch shows lacks %q:\n%s", want, got)
		}
	}
}

// notmuch insert, as a draft_command, files the draft itself.
func TestNotmuchInsertAsDraftCommand(t *testing.T) {
	need(t, "notmuch", "notmuch")
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "mail"), 0o700)
	config := writeFile(t, dir, "notmuch-config", []byte("[database]\npath="+filepath.Join(dir, "mail")+"\n"))
	if out, status := run(t, dir, nil, "env", "NOTMUCH_CONFIG="+config, "notmuch", "new", "--quiet"); status != 0 {
		t.Fatalf("notmuch new: %s", out)
	}
	settings := writeFile(t, dir, "config.toml", []byte(`draft_command = "NOTMUCH_CONFIG=`+config+` notmuch insert --create-folder --folder=Drafts +draft -inbox"`+"\n"))
	message := writeFile(t, dir, "invitation.eml", []byte(invitation))
	if _, errOut, status := draftWithConfig(settings, "reply", message, "--company", "Acme", "--role", "SRE", "--name", "Sam", "--save-draft"); status != 0 || !strings.Contains(errOut, "gave the draft to") {
		t.Fatalf("decline reply --save-draft: exit %d: %s", status, errOut)
	}
	out, _ := run(t, dir, nil, "env", "NOTMUCH_CONFIG="+config, "notmuch", "search", "--output=files", "tag:draft")
	if !strings.Contains(out, filepath.Join(dir, "mail", "Drafts")) {
		t.Errorf("notmuch insert filed no draft in Drafts: %q", out)
	}
}

// mblaze lists the message as a draft (mlist -D) and reads its headers.
func TestMblazeSeesTheDraft(t *testing.T) {
	need(t, "mlist", "mblaze")
	dir := t.TempDir()
	file := saveDraft(t, dir)
	out, status := run(t, dir, nil, "mlist", "-D", filepath.Join(dir, "mail", "Drafts"))
	if status != 0 || strings.TrimSpace(out) != file {
		t.Errorf("mlist -D: exit %d, got %q, want %s", status, out, file)
	}
	out, _ = run(t, dir, nil, "mhdr", "-h", "in-reply-to:x-unsent", file)
	if !strings.Contains(out, "<inv-42@acme.example>") || !strings.Contains(out, "1") {
		t.Errorf("mhdr: got %q, want the In-Reply-To and X-Unsent headers", out)
	}
	out, _ = run(t, dir, nil, "mshow", file)
	if !strings.Contains(out, "Dear Ana Rivera,") {
		t.Errorf("mshow does not show the letter:\n%s", out)
	}
}

// A reply drafted for mutt -H arrives threaded: mutt keeps In-Reply-To
// and References as decline wrote them.
func TestMuttSendsTheReplyThreaded(t *testing.T) {
	for _, sender := range []emlSender{sender("mutt -H draft.eml"), sender("echo | neomutt -H draft.eml")} {
		t.Run(sender.recipe, func(t *testing.T) {
			need(t, sender.program, sender.pkg)
			s := startSink(t)
			dir := t.TempDir()
			message := writeFile(t, dir, "invitation.eml", []byte(invitation))
			eml, errOut, status := draft("reply", message, "--company", "Acme", "--role", "SRE", "--name", "Sam Lee", "--from", "Sam Lee <sam@example.org>")
			if status != 0 {
				t.Fatalf("decline reply: exit %d: %s", status, errOut)
			}
			if output, status := sender.send(t, s, dir, []byte(eml)); status != 0 {
				t.Fatalf("exit %d: %s", status, output)
			}
			a := s.next(t)
			sent := read(t, a.data)
			if got := sent.header.Get("In-Reply-To"); got != "<inv-42@acme.example>" {
				t.Errorf("got In-Reply-To %q, want <inv-42@acme.example>", got)
			}
			if got := sent.header.Get("References"); !strings.Contains(got, "<first-1@acme.example>") || !strings.Contains(got, "<inv-42@acme.example>") {
				t.Errorf("got References %q, want the thread", got)
			}
			if len(a.recipients) != 1 || a.recipients[0] != "ana.rivera@acme.example" {
				t.Errorf("sent to %q, want the sender alone", a.recipients)
			}
			if !strings.HasPrefix(sent.subject, "Re: Interview for the SRE role") {
				t.Errorf("got subject %q", sent.subject)
			}
		})
	}
}

// mblaze's mdeliver, as a draft_command, delivers the draft with the
// flags it is given.
func TestMdeliverAsDraftCommand(t *testing.T) {
	need(t, "mdeliver", "mblaze")
	dir := t.TempDir()
	maildir := filepath.Join(dir, "Drafts")
	for _, sub := range []string{"cur", "new", "tmp"} {
		os.MkdirAll(filepath.Join(maildir, sub), 0o700)
	}
	settings := writeFile(t, dir, "config.toml", []byte(`draft_command = "mdeliver -c -XDS `+maildir+`"`+"\n"))
	message := writeFile(t, dir, "invitation.eml", []byte(invitation))
	if _, errOut, status := draftWithConfig(settings, "reply", message, "--company", "Acme", "--role", "SRE", "--name", "Sam", "--save-draft"); status != 0 {
		t.Fatalf("decline reply --save-draft: exit %d: %s", status, errOut)
	}
	out, _ := run(t, dir, nil, "mlist", "-D", maildir)
	if strings.Count(out, "\n") != 1 {
		t.Errorf("mlist -D: got %q, want the one draft", out)
	}
}
