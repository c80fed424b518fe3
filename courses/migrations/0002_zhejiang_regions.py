"""Zhejiang's 11 prefecture-level cities and their 90 districts, counties and county-level cities."""

from django.db import migrations

# (city, English name, code, latitude, longitude, [districts and counties in code order])
CITIES = [
    ("杭州市", "Hangzhou", "3301", 30.27, 120.16, [
        "上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "富阳区", "临安区", "临平区", "钱塘区",
        "桐庐县", "淳安县", "建德市",
    ]),
    ("宁波市", "Ningbo", "3302", 29.87, 121.55, [
        "海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "象山县", "宁海县", "余姚市", "慈溪市",
    ]),
    ("温州市", "Wenzhou", "3303", 28.00, 120.70, [
        "鹿城区", "龙湾区", "瓯海区", "洞头区", "永嘉县", "平阳县", "苍南县", "文成县", "泰顺县", "瑞安市",
        "乐清市", "龙港市",
    ]),
    ("嘉兴市", "Jiaxing", "3304", 30.75, 120.76, [
        "南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市",
    ]),
    ("湖州市", "Huzhou", "3305", 30.89, 120.09, ["吴兴区", "南浔区", "德清县", "长兴县", "安吉县"]),
    ("绍兴市", "Shaoxing", "3306", 30.00, 120.58, ["越城区", "柯桥区", "上虞区", "新昌县", "诸暨市", "嵊州市"]),
    ("金华市", "Jinhua", "3307", 29.08, 119.65, [
        "婺城区", "金东区", "武义县", "浦江县", "磐安县", "兰溪市", "义乌市", "东阳市", "永康市",
    ]),
    ("衢州市", "Quzhou", "3308", 28.94, 118.87, ["柯城区", "衢江区", "常山县", "开化县", "龙游县", "江山市"]),
    ("舟山市", "Zhoushan", "3309", 30.00, 122.21, ["定海区", "普陀区", "岱山县", "嵊泗县"]),
    ("台州市", "Taizhou", "3310", 28.66, 121.42, [
        "椒江区", "黄岩区", "路桥区", "三门县", "天台县", "仙居县", "温岭市", "临海市", "玉环市",
    ]),
    ("丽水市", "Lishui", "3311", 28.45, 119.92, [
        "莲都区", "青田县", "缙云县", "遂昌县", "松阳县", "云和县", "庆元县", "景宁畲族自治县", "龙泉市",
    ]),
]


def load_regions(apps, schema_editor):
    Region = apps.get_model("courses", "Region")
    for name, name_en, code, latitude, longitude, counties in CITIES:
        city, _ = Region.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "level": "city", "latitude": latitude, "longitude": longitude},
        )
        for number, county in enumerate(counties, start=1):
            Region.objects.update_or_create(
                code=f"{code}{number:02d}", defaults={"name": county, "level": "county", "parent": city}
            )


def remove_regions(apps, schema_editor):
    apps.get_model("courses", "Region").objects.filter(code__in=[city[2] for city in CITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(load_regions, remove_regions)]
