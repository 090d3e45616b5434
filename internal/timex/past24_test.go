package timex
import ("testing";"time")
func TestPast24(t *testing.T){
 ref:=time.Date(2011,1,24,0,0,0,0,time.UTC)
 es:=Find("operations in southern Afghanistan over the past 24 hours.",ref,true)
 if len(es)!=1||es[0].From!=ref {t.Fatalf("%+v",es)}
}
