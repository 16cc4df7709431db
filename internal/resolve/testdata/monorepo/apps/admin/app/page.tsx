import { Button } from "@shared/button";
