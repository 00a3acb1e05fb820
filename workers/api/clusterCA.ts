/**
 * The cluster's CA bundle, as published in `kube-root-ca.crt` ConfigMaps and
 * service-account token volumes. The playground serves its API over plain
 * HTTP, so this certificate is a well-formed PEM block that identifies the
 * simulated CA rather than a key pair anyone holds.
 */
const BODY = btoa('Kube Playground simulated cluster CA: the API is served over plain HTTP on loopback.');

export const CLUSTER_CA_BUNDLE = `-----BEGIN CERTIFICATE-----\n${BODY.replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----\n`;
