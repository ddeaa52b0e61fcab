# itilint in a container: a static binary on a distroless base, run as a
# non-root user. Build and use:
#
#   docker build -t itilint .
#   docker run --rm -v "$PWD:/work" itilint check notes/
#
# TestDockerfile in cmd/itilint keeps this file in step with go.mod.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=0.1.0-dev
# CGO_ENABLED=0: no libc to need at run time. The .git folder comes along
# (see .dockerignore), so --version names the commit.
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=true -ldflags "-s -w -X main.version=${VERSION}" -o /out/itilint ./cmd/itilint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/itilint /usr/local/bin/itilint
USER nonroot:nonroot
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/itilint"]
CMD ["check"]
