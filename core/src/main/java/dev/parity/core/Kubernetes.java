package dev.parity.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a remote environment runs on a Kubernetes cluster: its namespace, the kubeconfig
 * context that reaches the cluster, the CPU and memory of each app's container, and optionally
 * autoscaling, the ingress class and the secret stores. Parity renders it as the Kustomize overlay
 * {@code k8s/overlays/<environment>/} over the shared {@code k8s/base/}.
 *
 * <pre>{@code
 * Environment.remote("production").instances(4).hostname("shop.example.com")
 *     .kubernetes(Kubernetes.namespace("shop-production").context("prod-eu-west-1")
 *         .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))
 *         .autoscale(4, 12));
 * }</pre>
 *
 * Knobs map as on instances: the environment's instance count becomes each Deployment's
 * {@code replicas} (or a HorizontalPodAutoscaler's {@code minReplicas}/{@code maxReplicas} when
 * {@link #autoscale} is declared), {@link #resources} take the place of the instance type, the host
 * name becomes the Ingress host. Databases and caches stay managed services, reached at the
 * environment's endpoints. Instances are immutable; every method returns a changed copy.
 */
public final class Kubernetes {

  /** The average CPU utilisation, in percent of the request, that autoscaling aims at unless declared. */
  public static final int DEFAULT_TARGET_CPU = 80;
  /** The namespace of the ingress controller unless declared: ingress-nginx's default. */
  public static final String DEFAULT_INGRESS_NAMESPACE = "ingress-nginx";

  private final String namespace;
  private String context;
  private Resources resources;
  private Integer minReplicas;
  private Integer maxReplicas;
  private int targetCpu = DEFAULT_TARGET_CPU;
  private String ingressClass;
  private String ingressApp;
  private String ingressNamespace = DEFAULT_INGRESS_NAMESPACE;
  private Map<SecretRef.Store, String> secretStores = Map.of();

  private Kubernetes(String namespace) {
    this.namespace = namespace;
  }

  /**
   * The namespace the environment's objects live in ({@code namespace:} of the overlay, and a
   * {@code Namespace} object); a DNS-1123 label, at most 63 characters.
   */
  public static Kubernetes namespace(String name) {
    return new Kubernetes(name);
  }

  /** The kubeconfig context that reaches the cluster ({@code kubectl --context}); recorded in ENVIRONMENTS.md and the diff. */
  public Kubernetes context(String name) {
    Kubernetes c = copy();
    c.context = name;
    return c;
  }

  /** CPU and memory requests and limits of every app's container; required. */
  public Kubernetes resources(Resources perContainer) {
    Kubernetes c = copy();
    c.resources = perContainer;
    return c;
  }

  /**
   * A HorizontalPodAutoscaler ({@code autoscaling/v2}) per app between {@code min} and {@code max}
   * replicas at {@value #DEFAULT_TARGET_CPU}% average CPU utilisation; replaces the fixed replica count.
   */
  public Kubernetes autoscale(int min, int max) {
    return autoscale(min, max, DEFAULT_TARGET_CPU);
  }

  /** Like {@link #autoscale(int, int)}, aiming at {@code targetCpuPercent} average CPU utilisation of the request. */
  public Kubernetes autoscale(int min, int max, int targetCpuPercent) {
    Kubernetes c = copy();
    c.minReplicas = min;
    c.maxReplicas = max;
    c.targetCpu = targetCpuPercent;
    return c;
  }

  /** The Ingress's {@code ingressClassName}; the cluster's default class when not declared. */
  public Kubernetes ingressClass(String name) {
    Kubernetes c = copy();
    c.ingressClass = name;
    return c;
  }

  /** The app the environment's host name routes to ({@code /}); the first declared app by default. */
  public Kubernetes ingressTo(String app) {
    Kubernetes c = copy();
    c.ingressApp = app;
    return c;
  }

  /**
   * The namespace of the ingress controller, the only one whose pods the NetworkPolicy lets reach
   * the ingress app; {@value #DEFAULT_INGRESS_NAMESPACE} by default.
   */
  public Kubernetes ingressNamespace(String name) {
    Kubernetes c = copy();
    c.ingressNamespace = name;
    return c;
  }

  /**
   * The {@code ClusterSecretStore} that serves references into {@code store}; by default
   * {@code aws-secrets-manager}, {@code aws-parameter-store} and {@code vault}.
   */
  public Kubernetes secretStore(SecretRef.Store store, String clusterSecretStore) {
    Kubernetes c = copy();
    c.secretStores = Ordered.with(secretStores, store, clusterSecretStore);
    return c;
  }

  private Kubernetes copy() {
    Kubernetes c = new Kubernetes(namespace);
    c.context = context;
    c.resources = resources;
    c.minReplicas = minReplicas;
    c.maxReplicas = maxReplicas;
    c.targetCpu = targetCpu;
    c.ingressClass = ingressClass;
    c.ingressApp = ingressApp;
    c.ingressNamespace = ingressNamespace;
    c.secretStores = secretStores;
    return c;
  }

  public String namespace() {
    return namespace;
  }

  public Optional<String> context() {
    return Optional.ofNullable(context);
  }

  public Optional<Resources> resources() {
    return Optional.ofNullable(resources);
  }

  /** Whether a HorizontalPodAutoscaler replaces the fixed replica count. */
  public boolean autoscales() {
    return minReplicas != null;
  }

  /** The autoscaler's {@code minReplicas}; meaningful when {@link #autoscales()}. */
  public int minReplicas() {
    return minReplicas == null ? 0 : minReplicas;
  }

  /** The autoscaler's {@code maxReplicas}; meaningful when {@link #autoscales()}. */
  public int maxReplicas() {
    return maxReplicas == null ? 0 : maxReplicas;
  }

  /** The autoscaler's target average CPU utilisation, in percent. */
  public int targetCpu() {
    return targetCpu;
  }

  public Optional<String> ingressClass() {
    return Optional.ofNullable(ingressClass);
  }

  /** The app named by {@link #ingressTo}, if declared. */
  public Optional<String> ingressApp() {
    return Optional.ofNullable(ingressApp);
  }

  public String ingressNamespace() {
    return ingressNamespace;
  }

  /** The {@code ClusterSecretStore} serving {@code store}: declared, else its default name. */
  public String secretStore(SecretRef.Store store) {
    String declared = secretStores.get(store);
    if (declared != null) {
      return declared;
    }
    return switch (Objects.requireNonNull(store, "store")) {
      case AWS_SECRETS_MANAGER -> "aws-secrets-manager";
      case AWS_PARAMETER_STORE -> "aws-parameter-store";
      case VAULT -> "vault";
    };
  }

  /** The declared secret store names, by store. */
  public Map<SecretRef.Store, String> secretStores() {
    return secretStores;
  }

  /**
   * The Kubernetes Secret (and ExternalSecret) holding the secret config key {@code key}: the key in
   * lower case with {@code _} as {@code -}, for example {@code DB_PASSWORD} → {@code db-password}.
   */
  public static String secretName(String key) {
    return key.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Override
  public String toString() {
    return "Kubernetes[namespace " + namespace + (context == null ? "" : ", context " + context) + "]";
  }
}
