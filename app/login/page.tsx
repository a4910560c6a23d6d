import { AuthCard } from "@/components/shell/auth-card";

export default async function EmployeeLoginPage({ searchParams }: { searchParams: Promise<{ next?: string; notice?: string }> }) {
  const { next, notice } = await searchParams;
  return <AuthCard realm="employee" next={next} notice={notice} />;
}
