import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return (
    <StatusPage code={404} title="Not found" testId="page-404">
      This page does not exist, or you do not have access to it.
    </StatusPage>
  );
}
