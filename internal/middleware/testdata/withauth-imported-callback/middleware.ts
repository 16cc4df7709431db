import { withAuth } from "next-auth/middleware";
import { canEnter } from "@/lib/access";

// The callback lives in another module that is not followed, so whether it
// admits anonymous requests is unknown.
export default withAuth({
  callbacks: { authorized: canEnter },
});
