// Test helper: a valid policy YAML with overridable top-level fields, to write failing variants of.
export function policyYaml(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: "ACME-001",
    name: "acme-root-encrypted",
    title: "Root volume encrypted",
    description: "Root volumes are encrypted.",
    severity: "high",
    resource: "workspace",
    assert: "resource.rootVolumeEncrypted == true",
    message: "Root volume not encrypted.",
    remediation: "Relaunch the WorkSpace with encryption.",
    references: "\n  - title: Admin guide",
    controls: "[SC-28]",
    ...overrides,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")
    .concat("\n");
}
