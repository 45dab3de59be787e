//go:build race

package session

// raceDetector is true in «go test -race».
const raceDetector = true
