import { Button } from "@/components/Button";
export default function Page() { return <Button />; }
