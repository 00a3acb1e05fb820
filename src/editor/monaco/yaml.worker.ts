// monaco-yaml's language server (completion, hover, schema validation), bundled by Vite as a module worker.
import 'monaco-yaml/yaml.worker.js';
