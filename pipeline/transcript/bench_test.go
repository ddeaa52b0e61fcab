package transcript

import (
	"os"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
)

// BenchmarkConvertVTT converts the sample lecture (WebVTT) to Markdown.
func BenchmarkConvertVTT(b *testing.B) {
	raw, err := os.ReadFile("../../source/transcripts/incident-management-lecture.vtt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := Convert(note.WebVTT, raw, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
