{{/* The chart's name, or nameOverride. */}}
{{- define "concierge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every object: fullnameOverride, or the release name when it already contains the
chart's name, or "<release>-<chart>". Truncated to the 63 characters a DNS label allows.
*/}}
{{- define "concierge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* "concierge-0.2.0", for the helm.sh/chart label. */}}
{{- define "concierge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels that select the pods: never change them, a Deployment's selector is immutable. */}}
{{- define "concierge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "concierge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The labels of every object. Call with a dict: "ctx" the root context, "component" what the
object is part of ("api" for the workload, "monitoring" for the scrape config, rules and
dashboard).
*/}}
{{- define "concierge.labels" -}}
{{- $ctx := .ctx -}}
helm.sh/chart: {{ include "concierge.chart" $ctx }}
{{ include "concierge.selectorLabels" $ctx }}
app.kubernetes.io/version: {{ $ctx.Values.image.tag | default $ctx.Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: concierge
app.kubernetes.io/managed-by: {{ $ctx.Release.Service }}
{{- end }}

{{/*
The job label Prometheus gives the scraped series: the prometheus-operator names it after the
Service. The rules select on it (and the namespace) so two releases never mix their SLOs.
*/}}
{{- define "concierge.ruleSelector" -}}
namespace="{{ .Release.Namespace }}", job="{{ include "concierge.fullname" . }}"
{{- end }}

{{/* A runbook link: the configured base URL and an anchor named after the alert. */}}
{{- define "concierge.runbookUrl" -}}
{{- printf "%s#%s" (trimSuffix "/" .ctx.Values.prometheusRule.runbookBaseUrl) (lower .alert) }}
{{- end }}

{{/*
Checks that JSON Schema cannot express (it cannot compare two values): called from the
Deployment so that a bad combination fails `helm template` and `helm install` with a message.
*/}}
{{- define "concierge.validateValues" -}}
{{- if and .Values.hpa.enabled (lt (int .Values.hpa.maxReplicas) (int .Values.hpa.minReplicas)) }}
{{- fail (printf "hpa.maxReplicas (%d) must be at least hpa.minReplicas (%d)" (int .Values.hpa.maxReplicas) (int .Values.hpa.minReplicas)) }}
{{- end }}
{{- $drain := add (int .Values.shutdown.preStopSleepSeconds) (int .Values.shutdown.appTimeoutSeconds) }}
{{- if le (int .Values.shutdown.terminationGracePeriodSeconds) $drain }}
{{- fail (printf "shutdown.terminationGracePeriodSeconds (%d) must exceed shutdown.preStopSleepSeconds + shutdown.appTimeoutSeconds (%d), or the kubelet kills the pod mid-drain" (int .Values.shutdown.terminationGracePeriodSeconds) $drain) }}
{{- end }}
{{- end }}
