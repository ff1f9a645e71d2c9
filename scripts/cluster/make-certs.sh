#!/usr/bin/env bash
# Makes the PEM files of a TLS cluster (Nas:Cluster:Tls) with openssl: a CA, a silo certificate (server and client
# authentication: silos connect to each other) and a client certificate for `nas --gateway`, all into DIR:
#   DIR/ca.crt  DIR/ca.key              the CA (keep ca.key offline in production: it signs new certificates)
#   DIR/silo.crt  DIR/silo.key          every silo: Nas__Cluster__Tls__CertificateFile / KeyFile, CaFile=DIR/ca.crt
#   DIR/client.crt  DIR/client.key      nas --tls-cert DIR/client.crt --tls-key DIR/client.key --tls-ca DIR/ca.crt
# Keys are mode 0600 (DIR 0700). Files already there are kept (run again after deleting one to make it anew, e.g. a
# new client certificate from the same CA). The silo certificate names 127.0.0.1, localhost and the SANs in
# NAS_TLS_SANS (comma-separated openssl subjectAltName entries, e.g. "DNS:nas-gateway.nas.svc,IP:10.0.0.5"); the
# product checks the chain to the CA, not host names. A Kubernetes Secret nas-tls takes silo.crt as tls.crt, silo.key
# as tls.key and ca.crt as ca.crt.
#
# Usage: scripts/cluster/make-certs.sh DIR
#   NAS_TLS_DAYS   validity in days (default 825)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
command -v openssl >/dev/null || { echo "openssl not found (apt-get install openssl)" >&2; exit 1; }
dir=$1
days=${NAS_TLS_DAYS:-825}
mkdir -p "$dir" # parents as usual (a umask of 077 would close them to the services' users too)
chmod 700 "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# key FILE: a new P-256 key, mode 0600.
key() { (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null); }

if [ ! -s "$dir/ca.crt" ] || [ ! -s "$dir/ca.key" ]; then
    key "$dir/ca.key"
    openssl req -x509 -new -key "$dir/ca.key" -sha256 -days "$days" -subj "/CN=NasOrleans cluster CA $(date -u +%Y%m%d%H%M%S)" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$dir/ca.crt"
    echo "CA:     $dir/ca.crt"
fi

# issue NAME CN EXTENDED_KEY_USAGE SUBJECT_ALT_NAMES
issue() {
    local name=$1 cn=$2 eku=$3 san=$4
    if [ -s "$dir/$name.crt" ] && [ -s "$dir/$name.key" ]; then return; fi
    key "$dir/$name.key"
    openssl req -new -key "$dir/$name.key" -subj "/CN=$cn" -out "$work/$name.csr"
    {
        echo "basicConstraints=critical,CA:FALSE"
        echo "keyUsage=critical,digitalSignature,keyAgreement"
        echo "extendedKeyUsage=$eku"
        [ -n "$san" ] && echo "subjectAltName=$san"
    } >"$work/$name.ext"
    openssl x509 -req -in "$work/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -CAserial "$work/ca.srl" \
        -sha256 -days "$days" -extfile "$work/$name.ext" -out "$dir/$name.crt" 2>/dev/null
    chmod 644 "$dir/$name.crt"
    echo "$name: $dir/$name.crt $dir/$name.key"
}

issue silo nas-silo "serverAuth,clientAuth" "DNS:localhost,IP:127.0.0.1${NAS_TLS_SANS:+,$NAS_TLS_SANS}"
issue client nas-client "clientAuth" ""
chmod 600 "$dir"/*.key
