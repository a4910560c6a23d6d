import { AuthCard } from "@/components/shell/auth-card";

export default async function SupplierLoginPage({ searchParams }: { searchParams: Promise<{ next?: string; notice?: string }> }) {
  const { next, notice } = await searchParams;
  return <AuthCard realm="supplier" next={next} notice={notice} />;
}
