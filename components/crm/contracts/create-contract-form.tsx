"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createContractAction } from "@/app/(workbench)/crm/contracts/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";

type Props = { opportunityId?: string; fromContractId?: string; customers?: { id: string; name: string; code: string; template: "domestic" | "foreign" }[] };

/** Makes the draft contract (from the opportunity, the past contract or a picked customer) and opens it. */
export function CreateContractForm({ opportunityId, fromContractId, customers }: Props) {
  const t = useTranslations("contracts.new");
  const tt = useTranslations("contracts.template");
  const router = useRouter();
  const create = useAction(createContractAction);
  const [customerId, setCustomerId] = useState(customers?.[0]?.id ?? "");
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.run(customers ? { customerId } : { opportunityId, fromContractId }, ({ id }) => router.push(`/crm/contracts/${id}`));
      }}
    >
      {customers ? (
        <div className="max-w-md">
          <Label htmlFor="new-customer">{t("customer")}</Label>
          <Select id="new-customer" value={customerId} onChange={(e) => setCustomerId(e.target.value)} data-testid="contract-customer">
            {customers.map((c) => <option key={c.id} value={c.id}>{`${c.name}（${c.code}，${tt(c.template)}）`}</option>)}
          </Select>
        </div>
      ) : null}
      <Button type="submit" disabled={create.pending || (!!customers && !customerId)} data-testid="contract-create">{t("create")}</Button>
      {create.error ? <Alert>{[create.error.message, ...Object.values(create.error.fieldErrors ?? {})].join(" ")}</Alert> : null}
    </form>
  );
}
