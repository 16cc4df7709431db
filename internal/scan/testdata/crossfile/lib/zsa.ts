import { createServerActionProcedure } from "zsa";
import { requireUser } from "./auth";

export const authedProcedure = createServerActionProcedure().handler(requireUser);
