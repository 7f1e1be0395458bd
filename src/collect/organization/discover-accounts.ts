/** Lists the ACTIVE accounts of an AWS organization (ListAccounts, or an OU subtree with ListAccountsForParent and ListOrganizationalUnitsForParent), every page. */

import {
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  type Account,
} from "@aws-sdk/client-organizations";
import { InputError } from "../../input-error.js";
import type { CredentialProvider } from "../aws/clients.js";
import { errorInfo } from "../aws/error-info.js";
import { CollectionAbortedError } from "../collect-inventory.js";

export interface OrganizationAccount {
  accountId: string;
  name?: string;
}

export interface DiscoverOptions {
  credentials: CredentialProvider;
  /** Any region of the partition; Organizations answers from its one endpoint per partition. */
  region: string;
  endpointUrl?: string | undefined;
  maxAttempts?: number;
  /** OU (or root) ids whose whole subtree is listed; empty = every account of the organization. */
  ous?: readonly string[];
}

/** An OU id (`ou-<root>-<suffix>`) or a root id (`r-<suffix>`), as AWS Organizations spells them. */
const OU_ID = /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/;

export function validateOuIds(ous: readonly string[]): void {
  for (const ou of ous) if (!OU_ID.test(ou)) throw new InputError("--ou", ou, "not an organizational unit id (ou-xxxx-xxxxxxxx) or root id (r-xxxx)");
}

/** Accounts that are members in good standing: `State` since 2025, `Status` before (retired September 2026). */
const isActive = (a: Account): boolean => (a.State ?? a.Status) === "ACTIVE";

const toAccount = (a: Account): OrganizationAccount | undefined =>
  a.Id === undefined ? undefined : { accountId: a.Id, ...(a.Name !== undefined ? { name: a.Name } : {}) };

/** The ACTIVE accounts, sorted by id, each once (an account is in exactly one OU, but two `--ou` may overlap). */
export async function discoverAccounts(options: DiscoverOptions): Promise<OrganizationAccount[]> {
  const ous = options.ous ?? [];
  validateOuIds(ous);
  const client = new OrganizationsClient({
    region: options.region,
    credentials: options.credentials,
    maxAttempts: options.maxAttempts ?? 10,
    retryMode: "adaptive",
    ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
  });
  const found = new Map<string, OrganizationAccount>();
  const take = (accounts: Account[] | undefined): void => {
    for (const a of accounts ?? []) {
      const account = isActive(a) ? toAccount(a) : undefined;
      if (account) found.set(account.accountId, account);
    }
  };
  try {
    if (ous.length === 0) {
      for await (const page of paginateListAccounts({ client }, {})) take(page.Accounts);
    } else {
      // Breadth-first over each subtree; a parent already walked (overlapping --ou) is not walked twice.
      const queue = [...ous];
      const walked = new Set<string>();
      while (queue.length > 0) {
        const parent = queue.shift() as string;
        if (walked.has(parent)) continue;
        walked.add(parent);
        for await (const page of paginateListAccountsForParent({ client }, { ParentId: parent })) take(page.Accounts);
        for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent })) {
          for (const ou of page.OrganizationalUnits ?? []) if (ou.Id !== undefined) queue.push(ou.Id);
        }
      }
    }
  } catch (error) {
    const { code, message } = errorInfo(error);
    // Without the account list nothing can be scanned: an operational failure (exit 4), not a partial result.
    throw new CollectionAbortedError(`cannot list the organization's accounts (${code}): ${message}`, code);
  } finally {
    client.destroy();
  }
  return [...found.values()].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
