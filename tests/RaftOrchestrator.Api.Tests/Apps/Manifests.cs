namespace RaftOrchestrator.Api.Tests.Apps;

/// <summary>Manifests shaped like real-world ones (kubectl apply of a typical web service).</summary>
internal static class Manifests
{
    public const string WebDeployment = """
    {
      "apiVersion": "apps/v1",
      "kind": "Deployment",
      "metadata": {
        "name": "web",
        "namespace": "shop",
        "labels": { "app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop" },
        "annotations": { "deployment.kubernetes.io/revision": "3" }
      },
      "spec": {
        "replicas": 3,
        "revisionHistoryLimit": 5,
        "selector": {
          "matchLabels": { "app.kubernetes.io/name": "web" },
          "matchExpressions": [ { "key": "tier", "operator": "In", "values": ["frontend", "edge"] } ]
        },
        "strategy": { "type": "RollingUpdate", "rollingUpdate": { "maxUnavailable": 0, "maxSurge": "50%" } },
        "template": {
          "metadata": {
            "labels": { "app.kubernetes.io/name": "web", "tier": "frontend" },
            "annotations": { "prometheus.io/scrape": "true" }
          },
          "spec": {
            "serviceAccountName": "web",
            "automountServiceAccountToken": false,
            "securityContext": {
              "runAsNonRoot": true, "runAsUser": 10001, "fsGroup": 10001,
              "seccompProfile": { "type": "RuntimeDefault" },
              "sysctls": [ { "name": "net.core.somaxconn", "value": "1024" } ]
            },
            "imagePullSecrets": [ { "name": "registry" } ],
            "initContainers": [
              {
                "name": "migrate", "image": "registry.example.com/shop/web:1.4.2",
                "command": ["/app/migrate"], "args": ["--wait", "30s"],
                "envFrom": [ { "secretRef": { "name": "db" } }, { "configMapRef": { "name": "web-config", "optional": true }, "prefix": "CFG_" } ]
              },
              { "name": "proxy", "image": "envoyproxy/envoy:v1.31.0", "restartPolicy": "Always",
                "ports": [ { "name": "admin", "containerPort": 9901 } ] }
            ],
            "containers": [
              {
                "name": "web",
                "image": "registry.example.com/shop/web:1.4.2",
                "imagePullPolicy": "IfNotPresent",
                "ports": [ { "name": "http", "containerPort": 8080, "protocol": "TCP" }, { "name": "metrics", "containerPort": 9090 } ],
                "env": [
                  { "name": "LOG_LEVEL", "value": "info" },
                  { "name": "POD_NAME", "valueFrom": { "fieldRef": { "fieldPath": "metadata.name" } } },
                  { "name": "POD_IP", "valueFrom": { "fieldRef": { "apiVersion": "v1", "fieldPath": "status.podIP" } } },
                  { "name": "MEM_LIMIT", "valueFrom": { "resourceFieldRef": { "containerName": "web", "resource": "limits.memory", "divisor": "1Mi" } } },
                  { "name": "DB_PASSWORD", "valueFrom": { "secretKeyRef": { "name": "db", "key": "password" } } },
                  { "name": "FEATURES", "valueFrom": { "configMapKeyRef": { "name": "web-config", "key": "features", "optional": true } } }
                ],
                "resources": { "requests": { "cpu": "250m", "memory": "256Mi" }, "limits": { "cpu": 1, "memory": "512Mi", "ephemeral-storage": "1Gi" } },
                "volumeMounts": [
                  { "name": "config", "mountPath": "/etc/web", "readOnly": true },
                  { "name": "cache", "mountPath": "/var/cache/web" },
                  { "name": "tls", "mountPath": "/etc/tls", "readOnly": true },
                  { "name": "podinfo", "mountPath": "/etc/podinfo" },
                  { "name": "token", "mountPath": "/var/run/secrets/tokens" },
                  { "name": "data", "mountPath": "/data", "subPath": "web" }
                ],
                "livenessProbe": { "httpGet": { "path": "/healthz", "port": "http", "httpHeaders": [ { "name": "X-Probe", "value": "1" } ] }, "initialDelaySeconds": 10, "periodSeconds": 20 },
                "readinessProbe": { "httpGet": { "path": "/ready", "port": 8080, "scheme": "HTTP" }, "timeoutSeconds": 2, "failureThreshold": 5 },
                "startupProbe": { "tcpSocket": { "port": 8080 }, "failureThreshold": 30, "periodSeconds": 2 },
                "lifecycle": { "preStop": { "exec": { "command": ["/bin/sh", "-c", "sleep 5"] } } },
                "securityContext": {
                  "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true,
                  "capabilities": { "drop": ["ALL"], "add": ["NET_BIND_SERVICE"] }
                }
              },
              {
                "name": "grpc-health", "image": "ghcr.io/example/health@sha256:0123456789abcdef",
                "livenessProbe": { "grpc": { "port": 9000, "service": "health" } },
                "readinessProbe": { "exec": { "command": ["cat", "/tmp/ready"] } }
              }
            ],
            "volumes": [
              { "name": "config", "configMap": { "name": "web-config", "items": [ { "key": "web.yaml", "path": "web.yaml" } ], "defaultMode": 420 } },
              { "name": "cache", "emptyDir": { "medium": "Memory", "sizeLimit": "64Mi" } },
              { "name": "tls", "secret": { "secretName": "web-tls", "optional": false } },
              { "name": "podinfo", "downwardAPI": { "items": [ { "path": "labels", "fieldRef": { "fieldPath": "metadata.labels" } } ] } },
              { "name": "token", "projected": { "sources": [
                { "serviceAccountToken": { "audience": "vault", "expirationSeconds": 7200, "path": "vault-token" } },
                { "configMap": { "name": "kube-root-ca.crt", "items": [ { "key": "ca.crt", "path": "ca.crt" } ] } }
              ] } },
              { "name": "data", "persistentVolumeClaim": { "claimName": "web-data" } },
              { "name": "shared", "nfs": { "server": "nfs.example.com", "path": "/exports/web", "readOnly": true } },
              { "name": "host-logs", "hostPath": { "path": "/var/log", "type": "Directory" } }
            ],
            "affinity": {
              "nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": { "nodeSelectorTerms": [ { "matchExpressions": [ { "key": "kubernetes.io/arch", "operator": "In", "values": ["amd64", "arm64"] } ] } ] },
                "preferredDuringSchedulingIgnoredDuringExecution": [ { "weight": 50, "preference": { "matchExpressions": [ { "key": "node-type", "operator": "NotIn", "values": ["spot"] } ] } } ]
              },
              "podAntiAffinity": {
                "preferredDuringSchedulingIgnoredDuringExecution": [ { "weight": 100, "podAffinityTerm": {
                  "labelSelector": { "matchLabels": { "app.kubernetes.io/name": "web" } }, "topologyKey": "kubernetes.io/hostname" } } ]
              },
              "podAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": [ { "labelSelector": { "matchExpressions": [ { "key": "app", "operator": "Exists" } ] },
                  "namespaces": ["cache"], "topologyKey": "topology.kubernetes.io/zone" } ]
              }
            },
            "tolerations": [
              { "key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule" },
              { "key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 60 }
            ],
            "topologySpreadConstraints": [
              { "maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "ScheduleAnyway",
                "labelSelector": { "matchLabels": { "app.kubernetes.io/name": "web" } }, "matchLabelKeys": ["pod-template-hash"] }
            ],
            "nodeSelector": { "kubernetes.io/os": "linux" },
            "priorityClassName": "high",
            "terminationGracePeriodSeconds": 45,
            "dnsConfig": { "options": [ { "name": "ndots", "value": "2" } ] },
            "hostAliases": [ { "ip": "10.0.0.10", "hostnames": ["db.internal"] } ]
          }
        }
      },
      "status": {
        "observedGeneration": 7, "replicas": 3, "updatedReplicas": 3, "readyReplicas": 2, "availableReplicas": 2, "unavailableReplicas": 1,
        "conditions": [ { "type": "Available", "status": "True", "lastUpdateTime": "2026-01-02T03:04:05Z", "lastTransitionTime": "2026-01-02T03:04:05Z",
          "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability." } ]
      }
    }
    """;
}
