import Link from "next/link";
import { StatusPage } from "@/components/status-page";

export default function Unauthorized() {
  return (
    <StatusPage code={401} title="Please sign in" testId="page-401">
      Your session has ended or you are not signed in. <Link href="/signin">Sign in</Link> to continue.
    </StatusPage>
  );
}
