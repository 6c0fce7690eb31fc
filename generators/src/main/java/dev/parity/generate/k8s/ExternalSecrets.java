package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.Kubernetes;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;

/**
 * One secret config key in one environment as an External Secrets Operator {@code ExternalSecret}
 * ({@code k8s/overlays/<env>/secrets/<name>.yaml}): the operator reads the declared reference from
 * the {@code ClusterSecretStore} serving its store and writes the Secret {@code <name>} with the key
 * as its only entry. The value never passes through Parity.
 *
 * <p>API {@code external-secrets.io/v1}: served since External Secrets Operator 0.16.2 and the only
 * version 0.17 and later serve ({@code v1beta1} is deprecated and no longer served), so new
 * clusters have it and old ones can upgrade without touching the manifests' fields.
 */
final class ExternalSecrets {

  static final String API_VERSION = "external-secrets.io/v1";

  private ExternalSecrets() {
  }

  static ObjectNode of(Stack stack, String key, SecretRef ref, Kubernetes k8s) {
    String name = Kubernetes.secretName(key);
    ObjectNode secret = Manifests.object(API_VERSION, "ExternalSecret", name, Manifests.labels(stack, stack.name(), "secret"));
    ObjectNode spec = secret.putObject("spec");
    spec.put("refreshInterval", "1h");
    ObjectNode store = spec.putObject("secretStoreRef");
    store.put("kind", "ClusterSecretStore");
    store.put("name", k8s.secretStore(ref.store()));
    ObjectNode target = spec.putObject("target");
    target.put("name", name);
    target.put("creationPolicy", "Owner");
    ObjectNode entry = spec.putArray("data").addObject();
    entry.put("secretKey", key);
    ObjectNode remote = entry.putObject("remoteRef");
    String reference = ref.reference();
    int field = ref.store() == SecretRef.Store.VAULT ? reference.indexOf('#') : -1;
    remote.put("key", field < 0 ? reference : reference.substring(0, field));
    if (field >= 0) {
      remote.put("property", reference.substring(field + 1));
    }
    return secret;
  }
}
