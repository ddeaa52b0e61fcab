// Package emit owns every writer: findings (text, json, sarif, github,
// junit, checkstyle), the run report, diffs and question banks (xlsx, csv,
// gift, moodle xml, aiken, kahoot, markdown worksheet). Writers format what
// the pipeline made (package result) and are deterministic: the same input
// gives the same bytes. They write to an io.Writer: the pipeline's sinks
// create the files, through package safefile.
package emit

// Formats of findings, as --format names them.
var FindingFormats = []string{"text", "json", "sarif", "github", "junit", "checkstyle"}
