/** A compliance framework as the compliance view needs it: its controls (title, family, baselines) and where the policy→control mapping lives. */

export interface FrameworkControlDefinition {
  title?: string;
  /** Control family or benchmark section, e.g. "Access Control". */
  family?: string;
  /** FedRAMP Rev. 5 baselines selecting the control (NIST SP 800-53 only). */
  baselines?: string[];
  /** The framework itself marks the control manual: with no automated evidence it is "manual", never passed. */
  manual?: boolean;
  /** Why the control is mapped as it is (a caveat, a conflict with another framework). */
  note?: string;
  /** Policies giving evidence for the control, when the framework file holds the mapping (CIS, FSBP). */
  policies?: string[];
}

export interface FrameworkDefinition {
  /** e.g. "nist-800-53-r5", "cis-aws-euc-1.2.0", "aws-fsbp". */
  id: string;
  title: string;
  /**
   * policy: each policy's `controls` list names the controls (NIST SP 800-53). framework: each control's `policies`
   * list names the policies (CIS, FSBP).
   */
  mappedBy: "policy" | "framework";
  /** true: the file lists every control of the framework, so the view shows them all (CIS, FSBP); false: only a catalogue subset. */
  complete: boolean;
  controls: Record<string, FrameworkControlDefinition>;
}
