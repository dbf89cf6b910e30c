#!/usr/bin/env bash
# Renders every kustomize overlay (and the Keycloak realm's ConfigMap) with `kubectl kustomize`
# and checks each object strictly against the Kubernetes, CloudNativePG and Prometheus-operator
# schemas (src/lint/k8s/validate.mjs): an unknown field, a wrong type or a kind without a
# schema fails. Offline: the schemas come pinned from npm (src/lint/k8s/package.json).
# Usage: src/lint/k8s.sh     (installs the pinned models into target/lint-tools/k8s with npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v kubectl >/dev/null || { echo "kubectl (with its built-in kustomize) is needed to render k8s/" >&2; exit 1; }
tools=target/lint-tools/k8s
if [ ! -d "$tools/node_modules/kubernetes-models" ] || ! cmp -s src/lint/k8s/package.json "$tools/package.json"; then
  mkdir -p "$tools"
  cp src/lint/k8s/package.json src/lint/k8s/package-lock.json "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
rendered=target/k8s-rendered
rm -rf "$rendered" && mkdir -p "$rendered"
for dir in k8s/overlays/*/ k8s/keycloak/; do
  name=$(basename "$dir")
  kubectl kustomize "$dir" > "$rendered/$name.yaml"
done
node src/lint/k8s/validate.mjs "$tools" --invalid src/lint/k8s/invalid.yaml "$rendered"/*.yaml
