/** What the editor shows the first time it opens. */
export const STARTER_MANIFEST = `# Write or paste Kubernetes YAML here, or pick one from Examples.
# Ctrl+Enter (Cmd+Enter on a Mac) applies it to the cluster.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
`;
