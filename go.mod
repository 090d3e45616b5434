module github.com/strikewatch/strikewatch

go 1.26.8
