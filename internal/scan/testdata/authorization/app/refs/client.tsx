"use client";

// Imports every action module, so that each action is reachable from the
// browser as it is in an app whose client code calls it.
import * as actions0 from "@/app/admin/users/actions";
import * as actions1 from "@/app/projects/actions";
import * as actions2 from "@/app/support/actions";
import * as actions3 from "@/app/admin/billing/actions";

export const allActions = [actions0, actions1, actions2, actions3];
