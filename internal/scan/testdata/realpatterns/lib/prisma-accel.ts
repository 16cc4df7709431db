import { PrismaClient } from "@prisma/client";
import { withAccelerate } from "@prisma/extension-accelerate";

export const accelerated = new PrismaClient().$extends(withAccelerate());
