import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return (
    <StatusPage code={403} title="Not allowed" testId="page-403">
      Your account does not have the role this page needs. If you think it should, ask the study organizer or
      an admin.
    </StatusPage>
  );
}
