package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedDownload interrupts livret (Ctrl-C) in the middle of a
// download: it stops at once, with status 130, and leaves no temporary
// file behind.
func TestInterruptedDownload(t *testing.T) {
	started := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("nom,adresse\n"))
		w.(http.Flusher).Flush()
		started <- struct{}{}
		<-r.Context().Done()
	}))
	defer srv.Close()
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "lieux", "--source", srv.URL+"/lieux.csv", "--http")
	cmd.Env = append(os.Environ(), "LIVRET_TEST_MAIN=1", "TMPDIR="+tmp)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the download did not start")
	}
	for i := 0; i < 100; i++ { // the temporary file exists once the body comes
		if files, _ := os.ReadDir(tmp); len(files) > 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if files, _ := os.ReadDir(tmp); len(files) == 0 {
		t.Error("no temporary file during the download")
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("exit %v, want status 130\n%s", err, stderr.String())
	}
	if files, _ := os.ReadDir(tmp); len(files) != 0 {
		t.Errorf("temporary files left: %v", files)
	}
	if !strings.Contains(stderr.String(), typesetAs("livret : interrompu")) {
		t.Errorf("stderr %q", stderr.String())
	}
}
